import { getTranslations } from 'next-intl/server';
import { refundReviewItems } from '@/components/admin/refund-review-items';
import { queueStatusOf, ReviewQueue } from '@/components/admin/review-queue';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { listRefundRequests, pendingRefundCount } from '@/lib/services/refunds';
import { requireAdmin } from '../require-admin';
import { approveRefundAction, rejectRefundAction } from './actions';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminRefunds');

export default async function RefundQueuePage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { actor } = await requireAdmin();
  const search = await searchParams;
  const status = queueStatusOf(search.status);
  const page = pageFromUrl(search.page);
  const t = await getTranslations('admin.refunds');
  const result = await readWithinPages(page, (page) => listRefundRequests(actor, { status, page, pageSize: 10 }));
  return (
    <div className="max-w-6xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ReviewQueue
        label={t('title')}
        basePath="/admin/refunds"
        status={status}
        pendingCount={await pendingRefundCount(actor)}
        items={await refundReviewItems(result.items, { approve: approveRefundAction, reject: rejectRefundAction })}
        empty={{ title: t(`empty.${status}`), body: t('emptyBody') }}
        footer={result.total > 0 && <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ status: status === 'pending' ? undefined : status }} />}
      />
    </div>
  );
}
