import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/console/confirm-button';
import { TaskProgress } from '@/components/console/task-progress';
import { cancelTaskAction } from '../imports/actions';
import { EmptyState } from '@/components/ui/empty-state';
import { Table } from '@/components/ui/table';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { isTaskOpen } from '@/lib/domain/tasks';
import { describeTasks } from '@/lib/services/images';
import { pageFromUrl } from '@/lib/domain/paging';
import { taskStatesAction } from '../images/actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('tasks');

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const page = pageFromUrl((await searchParams).page);
  const result = describeTasks(actor, { page, pageSize: 20 });
  const open = result.items.filter((task) => isTaskOpen(task.status)).map((task) => task.id);
  // A failure is stored as a reason and its facts; the words come from the catalogue.
  const failure = (stored: string) => {
    const { reason, ...params } = JSON.parse(stored) as { reason: string } & Record<string, string>;
    return t.has(`tasks.failures.${reason}`) ? t(`tasks.failures.${reason}`, params) : reason;
  };
  return (
    <div className="space-y-5">
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} />
      {result.total === 0 ? (
        <EmptyState title={t('tasks.emptyTitle')} body={t('tasks.emptyBody')} />
      ) : (
        <>
          <Table columns={[{ label: t('tasks.task') }, { label: t('tasks.action') }, { label: t('tasks.image') }, { label: t('tasks.region') }, { label: t('tasks.progress') }, { label: t('tasks.created') }]}>
            {result.items.map((task) => (
              <tr key={task.id}>
                <td className="px-4 py-3 font-mono text-xs">{task.id}</td>
                <td className="px-4 py-3">{t(`tasks.actions.${task.action}`)}</td>
                <td className="px-4 py-3">
                  <Link href={`/console/images/${task.imageId}`} className="text-brand-600 hover:underline">
                    {task.imageName}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{task.imageId}</div>
                  {task.failureReason && <div className="text-xs text-red-600">{failure(task.failureReason)}</div>}
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{t(`regions.${task.regionId}`)}</td>
                <td className="px-4 py-3">
                  <div className="flex items-center gap-3">
                    <TaskProgress task={task} openTaskIds={open} taskStatesAction={taskStatesAction} />
                    {open.includes(task.id) && <ConfirmButton label={t('tasks.cancel')} confirm={t('tasks.confirmCancel')} run={cancelTaskAction.bind(null, task.id)} />}
                  </div>
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(task.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
              </tr>
            ))}
          </Table>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{}} />
        </>
      )}
    </div>
  );
}
