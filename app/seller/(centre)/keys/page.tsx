import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/console/confirm-button';
import { CreateSellerKey } from '@/components/publishing/create-seller-key';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requireSeller } from '../../require-seller';
import { listSellerKeys, MAX_SELLER_KEYS } from '@/lib/services/seller-keys';
import { createSellerKeyAction, deleteSellerKeyAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerKeys');

export default async function SellerKeysPage() {
  const { actor } = await requireSeller();
  const t = await getTranslations('sellerKeys');
  const tt = await getTranslations('toast');
  const format = await getFormatter();
  const keys = await listSellerKeys(actor);
  return (
    <div className="max-w-4xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">{t('rotationTitle')}</h2>
        <ol className="list-decimal space-y-1 pl-5">
          <li>{t('rotation1')}</li>
          <li>{t('rotation2')}</li>
          <li>{t('rotation3')}</li>
        </ol>
      </section>
      <CreateSellerKey disabled={keys.length >= MAX_SELLER_KEYS} createAction={createSellerKeyAction} />
      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <Table columns={[{ label: t('keyId') }, { label: t('created') }, { label: t('use') }, { label: '' }]}>
          {keys.map((k) => (
            <tr key={k.id} data-key-id={k.id}>
              <td className="px-4 py-3 font-mono text-xs">{k.id}</td>
              <td className="px-4 py-3 text-slate-600">{format.dateTime(k.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td className="px-4 py-3">{k.signing ? <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">{t('signing')}</span> : <span className="text-slate-500">{t('standby')}</span>}</td>
              <td className="px-4 py-3 text-right">
                <ConfirmButton label={t('delete')} confirm={k.signing && keys.length === 1 ? t('deleteLastConfirm') : t('deleteConfirm')} run={deleteSellerKeyAction.bind(null, k.id)} done={tt('deleted')} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
