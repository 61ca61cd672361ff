import { getTranslations } from 'next-intl/server';
import { auditFilterOf } from '@/components/admin/audit-filter';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { listAudit } from '@/lib/services/audit';
import { requireAdmin } from '../require-admin';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminAudit');

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor } = await requireAdmin();
  const search = await searchParams;
  const t = await getTranslations('admin.audit');
  const filter = auditFilterOf(search);
  const page = pageFromUrl(search.page);
  const result = await readWithinPages(page, (page) => listAudit(actor, { ...filter, page, pageSize: 50 }));
  const filtered = Object.values(filter).some(Boolean);
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <AuditFilters filter={filter} />
      {result.total === 0 ? (
        <EmptyState title={t(filtered ? 'emptyFilteredTitle' : 'emptyTitle')} body={t(filtered ? 'emptyFilteredBody' : 'emptyBody')} />
      ) : (
        <>
          <AuditTable rows={result.items} filter={filter} />
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={filter} />
        </>
      )}
    </div>
  );
}
