import { PageHeader } from '@/components/ui/page-header';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CreateAccessKey, ToggleAccessKey } from '@/components/console/access-key-controls';
import { ConfirmButton } from '@/components/console/confirm-button';
import { CopyableId } from '@/components/ui/copy-button';
import { Table } from '@/components/ui/table';
import { requireSession } from '@/lib/auth/session';
import { listAccessKeys } from '@/lib/services/access-keys';
import { createAccessKeyAction, deleteAccessKeyAction, setAccessKeyStatusAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('accessKeys');

export default async function AccessKeysPage() {
  const { actor } = await requireSession();
  const t = await getTranslations('accessKeys');
  const tt = await getTranslations();
  const format = await getFormatter();
  const keys = await listAccessKeys(actor);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : t('never'));
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <CreateAccessKey createAction={createAccessKeyAction} />
      </section>
      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <Table columns={[{ label: 'AccessKey ID' }, { label: t('status') }, { label: t('created') }, { label: t('lastUsed') }, { label: '', align: 'right' }]}>
          {keys.map((k) => (
            <tr key={k.id} data-access-key={k.id}>
              <td className="px-4 py-3">
                <CopyableId id={k.id} label={tt('copy.accessKeyId')} className="text-slate-800" />
              </td>
              <td className="px-4 py-3">{t(k.status === 'active' ? 'active' : 'disabled')}</td>
              <td className="px-4 py-3 text-slate-600">{when(k.createdAt)}</td>
              <td className="px-4 py-3 text-slate-600">{when(k.lastUsedAt)}</td>
              <td className="px-4 py-3">
                <div className="flex justify-end gap-2">
                  <ToggleAccessKey id={k.id} status={k.status} setStatusAction={setAccessKeyStatusAction} />
                  <ConfirmButton label={t('delete')} confirm={t('confirmDelete', { id: k.id })} run={deleteAccessKeyAction.bind(null, k.id)} done={tt('toast.deleted')} />
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
