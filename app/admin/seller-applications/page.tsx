import { getTranslations } from 'next-intl/server';
import { queueStatusOf, ReviewQueue } from '@/components/admin/review-queue';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { listApplications, pendingApplicationCount } from '@/lib/services/seller-applications';
import { requireAdmin } from '../require-admin';
import { applicationReviewItems } from './review-items';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminSellerApplications');

export default async function SellerApplicationQueuePage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { actor } = await requireAdmin();
  const search = await searchParams;
  const status = queueStatusOf(search.status);
  const page = pageFromUrl(search.page);
  const t = await getTranslations('seller.review');
  const result = await readWithinPages(page, (page) => listApplications(actor, { status, page, pageSize: 10 }));
  return (
    <div className="max-w-6xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ReviewQueue
        label={t('title')}
        basePath="/admin/seller-applications"
        status={status}
        pendingCount={await pendingApplicationCount(actor)}
        items={await applicationReviewItems(result.items)}
        empty={{ title: t(`empty.${status}`), body: t('emptyBody') }}
        footer={result.total > 0 && <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{ status: status === 'pending' ? undefined : status }} />}
      />
    </div>
  );
}
