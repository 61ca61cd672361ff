import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { formatFen } from '@/lib/domain/money';
import { listOrders } from '@/lib/services/orders';
import { pageFromUrl } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('orders');

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const page = pageFromUrl((await searchParams).page);
  const result = listOrders(actor, { page, pageSize: 20 });
  return (
    <div className="space-y-5">
      <PageHeader title={t('orders.title')} subtitle={t('orders.subtitle')} />
      {result.total === 0 ? (
        <EmptyState title={t('orders.emptyTitle')} body={t('orders.emptyBody')} action={<ButtonLink href="/marketplace">{t('licenses.browse')}</ButtonLink>} />
      ) : (
        <>
          <Table columns={[{ label: t('orders.order') }, { label: t('orders.product') }, { label: t('orders.pricing') }, { label: t('orders.region') }, { label: t('orders.quantity'), align: 'right' }, { label: t('orders.amount'), align: 'right' }, { label: t('orders.status') }, { label: t('orders.created') }]}>
            {result.items.map((o) => (
              <tr key={o.id} data-order-id={o.id}>
                <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">
                  <Link href={`/console/orders/${o.id}`} className="text-brand-600 hover:underline">
                    {o.id}
                  </Link>
                </td>
                <td className="max-w-72 px-4 py-3">
                  <Link href={`/marketplace/products/${o.productCode}`} className="text-brand-600 hover:underline">
                    {o.title}
                  </Link>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  {o.kind === 'purchase' ? '' : `${t(`orders.kinds.${o.kind}`)} · `}
                  {t(`orders.models.${o.pricingModel}`)}
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{t(`regions.${o.regionId}`)}</td>
                <td className="px-4 py-3 text-right">{o.quantity}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap">{o.pricingModel === 'hourly' ? t('orders.meteredHourly') : formatFen(o.amountFen)}</td>
                <td className="px-4 py-3">{t(`orders.statuses.${o.status}`)}</td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(o.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{}} />
        </>
      )}
    </div>
  );
}
