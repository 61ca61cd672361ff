import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { listMyProducts } from '@/lib/services/products';
import { requireSeller } from '../../require-seller';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerProducts');

export default async function SellerProductsPage() {
  const { actor } = await requireSeller();
  const t = await getTranslations('publishing');
  const tm = await getTranslations('marketplace');
  const format = await getFormatter();
  const products = await listMyProducts(actor);
  const create = <ButtonLink href="/seller/products/new">{t('newProduct')}</ButtonLink>;
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} action={create} />
      {products.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} action={create} />
      ) : (
        <Table columns={[{ label: t('product') }, { label: t('fieldCategory') }, { label: t('status') }, { label: t('created') }]}>
          {products.map((p) => (
            <tr key={p.code} data-product-code={p.code}>
              <td className="px-4 py-3">
                <Link href={`/seller/products/${p.code}`} className="font-medium text-brand-600 hover:underline">
                  {p.title}
                </Link>
                <p className="font-mono text-xs text-slate-500">{p.code}</p>
              </td>
              <td className="px-4 py-3">{tm(`categories.${p.category}`)}</td>
              <td className="px-4 py-3" data-testid="product-status">
                {t(`statuses.${p.status}`)}
              </td>
              <td className="px-4 py-3 text-slate-600">{format.dateTime(p.createdAt, { dateStyle: 'medium' })}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
