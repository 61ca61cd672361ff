import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProductInfoForm } from '@/components/publishing/product-info-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireSeller } from '../../../require-seller';
import { createProductAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerNewProduct');

export default async function NewProductPage() {
  await requireSeller();
  const t = await getTranslations('publishing');
  return (
    <div className="max-w-3xl space-y-5">
      <Link href="/seller/products" className="text-sm text-brand-600 hover:underline">
        ← {t('backToList')}
      </Link>
      <PageHeader title={t('newProduct')} subtitle={t('newSubtitle')} />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ProductInfoForm action={createProductAction} submitLabel={t('createDraft')} />
      </section>
    </div>
  );
}
