import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listParams, type ListSearchParams } from '@/components/console/list-params';
import { ButtonLink } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSearch } from '@/components/ui/list-search';
import { Table, truncatedLink } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { parseSort, sortValue } from '@/lib/domain/list-query';
import { formatFen } from '@/lib/domain/money';
import { listRegions } from '@/lib/services/catalogue';
import { listOrders, orderSortKeys } from '@/lib/services/orders';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('orders');

export default async function OrdersPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  const { actor, user } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const { region, q } = listParams(search, (await listRegions()).map((r) => r.id), user.regionId);
  const sort = sortValue(parseSort(search.sort, orderSortKeys, { key: 'created', direction: 'desc' }));
  const page = pageFromUrl(search.page);
  const result = await readWithinPages(page, (page) => listOrders(actor, { regionId: region, search: q, sort, page, pageSize: 20 }));
  const params = { region, q, sort: sort === '-created' ? undefined : sort };
  return (
    <div className="space-y-5">
      <PageHeader title={t('orders.title')} subtitle={t('lists.ordersIn', { region: t(`regions.${region}`) })} />
      <ListSearch value={q} keep={{ region, sort: params.sort }} placeholder={t('lists.searchOrders')} />
      {result.total === 0 ? (
        q ? (
          <EmptyState title={t('lists.noMatches', { q })} body="" action={<ButtonLink href={`/console/orders?region=${region}`} variant="secondary">{t('lists.clearSearch')}</ButtonLink>} />
        ) : (
          <EmptyState title={t('orders.emptyTitle')} body={t('orders.emptyBody')} action={<ButtonLink href="/marketplace">{t('licenses.browse')}</ButtonLink>} />
        )
      ) : (
        <>
          <Table
            fixed
            sorting={{ current: sort, params }}
            columns={[
              { label: t('orders.order'), className: 'w-56' },
              { label: t('orders.product'), sort: 'product' },
              { label: t('orders.pricing'), className: 'w-36' },
              { label: t('orders.quantity'), align: 'right', sort: 'quantity', className: 'w-24' },
              { label: t('orders.amount'), align: 'right', sort: 'amount', className: 'w-28' },
              { label: t('orders.status'), sort: 'status', className: 'w-28' },
              { label: t('orders.created'), sort: 'created', className: 'w-36' },
            ]}
          >
            {result.items.map((o) => (
              <tr key={o.id} data-order-id={o.id}>
                <td className="px-4 py-3">
                  <span className="flex items-center gap-1 font-mono text-xs">
                    <Link href={`/console/orders/${o.id}`} className="truncate text-brand-600 hover:underline">
                      {o.id}
                    </Link>
                    <CopyButton value={o.id} label={t('copy.orderId')} />
                  </span>
                </td>
                <td className="px-4 py-3">
                  <Link href={`/marketplace/products/${o.productCode}`} className={`${truncatedLink} text-brand-600 hover:underline`} title={o.title}>
                    {o.title}
                  </Link>
                </td>
                <td className="px-4 py-3">
                  {o.kind === 'purchase' ? '' : `${t(`orders.kinds.${o.kind}`)} · `}
                  {t(`orders.models.${o.pricingModel}`)}
                </td>
                <td className="px-4 py-3 text-right">{o.quantity}</td>
                <td className="px-4 py-3 text-right">{o.pricingModel === 'hourly' ? t('orders.meteredHourly') : formatFen(o.amountFen)}</td>
                <td className="px-4 py-3">{t(`orders.statuses.${o.status}`)}</td>
                <td className="px-4 py-3 text-slate-600">{format.dateTime(o.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} />
        </>
      )}
    </div>
  );
}
