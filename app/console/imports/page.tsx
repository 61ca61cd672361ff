import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { GrantImportRole } from '@/components/console/grant-import-role';
import { ImportWizard } from '@/components/console/import-wizard';
import { requireSession } from '@/lib/auth/session';
import { getBucket, importRoleStatus, listBuckets } from '@/lib/services/storage';
import { grantImportRoleAction } from '../buckets/actions';
import { importImageAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('imports');

export default async function ImportsPage() {
  const { actor, user } = await requireSession();
  const t = await getTranslations('imports');
  const role = await importRoleStatus(actor);
  const buckets = await Promise.all((await listBuckets(actor, user.regionId)).map(async (b) => ({ name: b.name, objects: (await getBucket(actor, b.id)).objects.map((o) => ({ key: o.key, sizeBytes: o.sizeBytes })) })));
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <section className={`rounded-lg border p-5 ${role.granted ? 'border-emerald-200 bg-emerald-50' : 'border-amber-200 bg-amber-50'}`} data-testid="import-role">
        <h2 className="text-base font-semibold">{t(role.granted ? 'authorised' : 'notAuthorised')}</h2>
        <p className="mt-1 text-sm text-slate-700">{t('roleExplain', { role: role.roleName, actions: role.actions.join(', ') })}</p>
        {!role.granted && (
          <div className="mt-3">
            <GrantImportRole grantAction={grantImportRoleAction} />
          </div>
        )}
      </section>
      {buckets.length === 0 || buckets.every((b) => b.objects.length === 0) ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {t('noFiles')}{' '}
          <Link href="/console/buckets" className="font-medium text-brand-600 hover:underline">
            {t('goToBuckets')}
          </Link>
        </p>
      ) : (
        <ImportWizard regionId={user.regionId} buckets={buckets} authorised={role.granted} importImageAction={importImageAction} />
      )}
    </div>
  );
}
