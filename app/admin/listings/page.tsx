import { getTranslations } from 'next-intl/server';
import { listingReviewItems } from '@/components/admin/listing-review-items';
import { queueStatusOf, ReviewQueue } from '@/components/admin/review-queue';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { listListingReviews, pendingListingCount } from '@/lib/services/listing-review';
import { requireAdmin } from '../require-admin';
import { approveListingAction, rejectListingAction } from './actions';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminListings');

/** The queue's tabs in the products' own words: pending is in review, approved is listed. */
const productStatusOf = { pending: 'in_review', approved: 'listed', rejected: 'rejected' } as const;

export default async function ListingQueuePage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { actor } = await requireAdmin();
  const search = await searchParams;
  const status = queueStatusOf(search.status);
  const page = pageFromUrl(search.page);
  const t = await getTranslations('admin.listings');
  const result = await readWithinPages(page, (page) => listListingReviews(actor, { status: productStatusOf[status], page, pageSize: 10 }));
  return (
    <div className="max-w-6xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ReviewQueue
        label={t('title')}
        basePath="/admin/listings"
        status={status}
        pendingCount={await pendingListingCount(actor)}
        items={await listingReviewItems(result.items, { approve: approveListingAction, reject: rejectListingAction })}
        empty={{ title: t(`empty.${status}`), body: t('emptyBody') }}
        footer={result.total > 0 && <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ status: status === 'pending' ? undefined : status }} />}
      />
    </div>
  );
}
