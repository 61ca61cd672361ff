'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { isTaskOpen } from '@/lib/domain/tasks';

type State = { id: string; status: string; progress: number };

/** The page's server action that reads the open tasks' states. */
export type TaskStatesAction = (taskIds: string[]) => Promise<State[]>;

/**
 * Live progress of open tasks. Every bar on a page shares one poll (same query key); when a
 * task finishes, the page re-renders from the server.
 */
export function TaskProgress({ task, openTaskIds, taskStatesAction }: { task: State; openTaskIds: string[]; taskStatesAction: TaskStatesAction }) {
  const t = useTranslations('tasks');
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ['task-states', openTaskIds],
    queryFn: () => taskStatesAction(openTaskIds),
    enabled: openTaskIds.length > 0,
    refetchInterval: 1000,
  });
  const current = data?.find((s) => s.id === task.id) ?? task;
  const done = !isTaskOpen(current.status);
  useEffect(() => {
    if (done && task.status !== current.status) router.refresh();
  }, [done, current.status, task.status, router]);
  return (
    <div className="w-full max-w-40 min-w-24" data-task-id={task.id} data-task-status={current.status}>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{t(`statuses.${current.status}`)}</span>
        <span>{current.progress}%</span>
      </div>
      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={current.progress} aria-valuemin={0} aria-valuemax={100} aria-label={t('progress')}>
        <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${current.progress}%` }} />
      </div>
    </div>
  );
}
