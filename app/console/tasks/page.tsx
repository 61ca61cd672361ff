import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/console/confirm-button';
import { listParams, type ListSearchParams } from '@/components/console/list-params';
import { TaskProgress } from '@/components/console/task-progress';
import { cancelTaskAction } from '../imports/actions';
import { ButtonLink } from '@/components/ui/button';
import { CopyableId } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ListSearch } from '@/components/ui/list-search';
import { Table, truncatedLink } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { parseSort, sortValue } from '@/lib/domain/list-query';
import { isTaskOpen } from '@/lib/domain/tasks';
import { listRegions } from '@/lib/services/catalogue';
import { describeTasks, taskSortKeys } from '@/lib/services/images';
import { pageFromUrl, readWithinPages } from '@/lib/domain/paging';
import { taskStatesAction } from '../images/actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('tasks');

export default async function TasksPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  const { actor, user } = await requireSession();
  const search = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const { region, q } = listParams(search, (await listRegions()).map((r) => r.id), user.regionId);
  const sort = sortValue(parseSort(search.sort, taskSortKeys, { key: 'created', direction: 'desc' }));
  const page = pageFromUrl(search.page);
  const result = await readWithinPages(page, (page) => describeTasks(actor, { regionId: region, search: q, sort, page, pageSize: 20 }));
  const params = { region, q, sort: sort === '-created' ? undefined : sort };
  const open = result.items.filter((task) => isTaskOpen(task.status)).map((task) => task.id);
  // A failure is stored as a reason and its facts; the words come from the catalogue.
  const failure = (stored: string) => {
    const { reason, ...params } = JSON.parse(stored) as { reason: string } & Record<string, string>;
    return t.has(`tasks.failures.${reason}`) ? t(`tasks.failures.${reason}`, params) : reason;
  };
  return (
    <div className="space-y-5">
      <PageHeader title={t('tasks.title')} subtitle={t('lists.tasksIn', { region: t(`regions.${region}`) })} />
      <ListSearch value={q} keep={{ region, sort: params.sort }} placeholder={t('lists.searchTasks')} />
      {result.total === 0 ? (
        q ? (
          <EmptyState title={t('lists.noMatches', { q })} body="" action={<ButtonLink href={`/console/tasks?region=${region}`} variant="secondary">{t('lists.clearSearch')}</ButtonLink>} />
        ) : (
          <EmptyState title={t('tasks.emptyTitle')} body={t('tasks.emptyBody')} />
        )
      ) : (
        <>
          <Table
            fixed
            sorting={{ current: sort, params }}
            columns={[
              { label: t('tasks.task'), className: 'w-56' },
              { label: t('tasks.action'), sort: 'action', className: 'w-32' },
              { label: t('tasks.image'), sort: 'image' },
              { label: t('tasks.progress'), sort: 'status', className: 'w-64' },
              { label: t('tasks.created'), sort: 'created', className: 'w-40' },
            ]}
          >
            {result.items.map((task) => (
              <tr key={task.id}>
                <td className="px-4 py-3">
                  <CopyableId id={task.id} label={t('copy.taskId')} className="text-slate-800" />
                </td>
                <td className="px-4 py-3">{t(`tasks.actions.${task.action}`)}</td>
                <td className="px-4 py-3">
                  <Link href={`/console/images/${task.imageId}`} className={`${truncatedLink} text-brand-600 hover:underline`} title={task.imageName}>
                    {task.imageName}
                  </Link>
                  <CopyableId id={task.imageId} label={t('copy.imageId')} />
                  {task.failureReason && <div className="text-xs text-red-600">{failure(task.failureReason)}</div>}
                </td>
                <td className="px-4 py-3">
                  <div className="flex items-center gap-3">
                    <TaskProgress task={task} openTaskIds={open} taskStatesAction={taskStatesAction} />
                    {open.includes(task.id) && <ConfirmButton label={t('tasks.cancel')} confirm={t('tasks.confirmCancel')} run={cancelTaskAction.bind(null, task.id)} done={t('toast.cancelled')} />}
                  </div>
                </td>
                <td className="px-4 py-3 text-slate-600">{format.dateTime(task.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} />
        </>
      )}
    </div>
  );
}
