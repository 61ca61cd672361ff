import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { MarkReadButton } from '@/components/console/mark-read-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { listNotifications } from '@/lib/services/notifications';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { markAllReadAction } from './actions';
import { pageTitle } from '@/i18n/page-title';
import { notificationParams } from '@/i18n/console-words';

export const generateMetadata = pageTitle('notifications');

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const page = pageFromUrl((await searchParams).page);
  const result = await readWithinPages(page, (page) => listNotifications(actor, { page }));
  return (
    <div className="max-w-4xl space-y-5">
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')} action={result.items.some((n) => !n.readAt) && <MarkReadButton markAllReadAction={markAllReadAction} />} />
      {result.total === 0 ? (
        <EmptyState title={t('notifications.emptyTitle')} body={t('notifications.emptyBody')} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {result.items.map((n) => {
              const params = n.params as Record<string, string | number>;
              return (
                <li key={n.id} className="flex gap-3 px-5 py-4" data-notification={n.kind}>
                  <span className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? 'bg-transparent' : 'bg-brand-500'}`} aria-label={n.readAt ? undefined : t('notifications.unread')} />
                  <div className="min-w-0 text-sm">
                    <p className={n.readAt ? 'text-slate-600' : 'font-medium text-slate-900'}>{t(`notifications.kinds.${n.kind}`, notificationParams(params, t))}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      {params.imageId && (
                        <>
                          {' · '}
                          <Link href={`/console/images/${params.imageId}`} className="text-brand-600 underline">
                            {t('notifications.openImage')}
                          </Link>
                        </>
                      )}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{}} />
        </>
      )}
    </div>
  );
}
