// The listing queue's items (SEL-7, ADM-1): what the product is, where and at what price it
// sells, and the automatic checks, run again at approval.
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatFen } from '@/lib/domain/money';
import type { listListingReviews } from '@/lib/services/listing-review';
import type { ItemFormAction } from '@/components/ui/form-action';
import type { ReviewItem } from './review-queue';

type Row = Awaited<ReturnType<typeof listListingReviews>>['items'][number];

export async function listingReviewItems(rows: Row[], actions: { approve: ItemFormAction; reject: ItemFormAction }): Promise<ReviewItem[]> {
  const t = await getTranslations('admin.listings');
  const tm = await getTranslations('marketplace');
  const regions = await getTranslations('regions');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return rows.map(({ product, sellerName, skus, regions: offered, versions, problems }) => ({
    id: product.code,
    title: product.title,
    subtitle: t('itemSubtitle', { code: product.code, seller: sellerName }),
    facts: [
      { label: t('facts.seller'), value: sellerName, note: <code>{product.sellerAccountId}</code> },
      { label: t('facts.category'), value: tm(`categories.${product.category}`), note: product.platform },
      { label: t('facts.submitted'), value: when(product.submittedAt) },
      { label: t('facts.versions'), value: versions.join(', ') || '—' },
      { label: t('facts.regions'), value: offered.map((r) => regions(r)).join(' · ') || '—' },
      { label: t('facts.prices'), value: skus.map((s) => `${tm(`pricing.${s.pricingModel}`)} ${formatFen(s.priceFen)}`).join(' · ') || '—' },
      { label: t('facts.interface'), value: <code className="text-xs break-all">{product.interfaceUrl ?? '—'}</code>, wide: true },
      { label: t('facts.summary'), value: product.summary, wide: true },
      // A product in review is not public yet: what buyers will read is shown here in full.
      { label: t('facts.description'), value: <span className="whitespace-pre-line">{product.description}</span>, wide: true },
    ],
    ...(product.status === 'in_review'
      ? {
          verdict: problems.length === 0 ? { ok: true, text: t('checksPass') } : { ok: false, text: t('checksFail', { count: problems.length, problems: problems.map((p) => p.kind).join(', ') }) },
          review: { approve: actions.approve.bind(null, product.code), reject: actions.reject.bind(null, product.code), approveConfirm: t('approveConfirm', { title: product.title }) },
        }
      : {
          decision: product.status === 'rejected' ? { status: 'rejected' as const, text: t('rejected'), note: product.reviewNote } : { status: 'approved' as const, text: t('listedAt', { when: when(product.listedAt) }) },
        }),
  }));
}
