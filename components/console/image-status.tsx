import { useTranslations } from 'next-intl';
import { TaskProgress, type TaskStatesAction } from './task-progress';

/** An image's status, with live progress while its task runs. */
export function ImageStatus({ status, task, openTaskIds, taskStatesAction }: { status: string; task: { id: string; status: string; progress: number } | null; openTaskIds: string[]; taskStatesAction: TaskStatesAction }) {
  const t = useTranslations('images');
  if (task) return <TaskProgress task={task} openTaskIds={openTaskIds} taskStatesAction={taskStatesAction} />;
  const tone = status === 'Available' ? 'bg-emerald-50 text-emerald-700 ring-emerald-200' : status === 'Creating' ? 'bg-amber-50 text-amber-700 ring-amber-200' : 'bg-slate-100 text-slate-600 ring-slate-200';
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{t(`statuses.${status}`)}</span>;
}
