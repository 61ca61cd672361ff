import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TaskProgress } from '@/components/console/task-progress';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { requireSession } from '@/lib/auth/session';
import { isTaskOpen } from '@/lib/domain/tasks';
import { describeTasks } from '@/lib/services/images';

export const metadata: Metadata = { title: 'Tasks' };

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { actor } = await requireSession();
  const t = await getTranslations();
  const format = await getFormatter();
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1);
  const result = describeTasks(actor, { page, pageSize: 20 });
  const open = result.items.filter((task) => isTaskOpen(task.status)).map((task) => task.id);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('tasks.title')}</h1>
        <p className="text-sm text-slate-600">{t('tasks.subtitle')}</p>
      </div>
      {result.total === 0 ? (
        <EmptyState title={t('tasks.emptyTitle')} body={t('tasks.emptyBody')} />
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-3">{t('tasks.task')}</th>
                  <th className="px-4 py-3">{t('tasks.action')}</th>
                  <th className="px-4 py-3">{t('tasks.image')}</th>
                  <th className="px-4 py-3">{t('tasks.region')}</th>
                  <th className="px-4 py-3">{t('tasks.progress')}</th>
                  <th className="px-4 py-3">{t('tasks.created')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.items.map((task) => (
                  <tr key={task.id}>
                    <td className="px-4 py-3 font-mono text-xs">{task.id}</td>
                    <td className="px-4 py-3">{t(`tasks.actions.${task.action}`)}</td>
                    <td className="px-4 py-3">
                      <Link href={`/console/images/${task.imageId}`} className="text-brand-600 hover:underline">
                        {task.imageName}
                      </Link>
                      <div className="font-mono text-xs text-slate-500">{task.imageId}</div>
                      {task.failureReason && <div className="text-xs text-red-600">{task.failureReason}</div>}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">{t(`regions.${task.regionId}`)}</td>
                    <td className="px-4 py-3">
                      <TaskProgress task={task} openTaskIds={open} />
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(task.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={{}} />
        </>
      )}
    </div>
  );
}
