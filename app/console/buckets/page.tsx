import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateBucketForm } from '@/components/console/create-bucket-form';
import { ConfirmButton } from '@/components/console/confirm-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table } from '@/components/ui/table';
import { requireSession } from '@/lib/auth/session';
import { listBuckets } from '@/lib/services/storage';
import { createBucketAction, deleteBucketAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('buckets');

export default async function BucketsPage() {
  const { actor, user } = await requireSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const list = listBuckets(actor, user.regionId);
  return (
    <div className="max-w-5xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('buckets.title')}</h1>
        <p className="text-sm text-slate-600">{t('buckets.subtitle', { region: t(`regions.${user.regionId}`) })}</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <CreateBucketForm regionId={user.regionId} createAction={createBucketAction} />
      </section>
      {list.length === 0 ? (
        <EmptyState title={t('buckets.emptyTitle')} body={t('buckets.emptyBody')} />
      ) : (
        <Table columns={[{ label: t('buckets.name') }, { label: t('buckets.objects') }, { label: t('buckets.created') }, { label: '', align: 'right' }]}>
          {list.map((b) => (
            <tr key={b.id} data-bucket={b.name}>
              <td className="px-4 py-3">
                <Link href={`/console/buckets/${b.id}`} className="font-medium text-brand-600 hover:underline">
                  {b.name}
                </Link>
              </td>
              <td className="px-4 py-3">{b.objectCount}</td>
              <td className="px-4 py-3 text-slate-600">{format.dateTime(b.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td className="px-4 py-3 text-right">
                <ConfirmButton label={t('buckets.delete')} confirm={t('buckets.confirmDelete', { name: b.name })} run={deleteBucketAction.bind(null, b.id)} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
