import { useTranslations } from 'next-intl';
import type { InstanceStatus } from '@/lib/domain/instances';

const tone: Record<InstanceStatus, string> = {
  Pending: 'bg-amber-50 text-amber-700 ring-amber-200',
  Running: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  Stopped: 'bg-slate-100 text-slate-600 ring-slate-200',
  Frozen: 'bg-sky-50 text-sky-700 ring-sky-200',
  Released: 'bg-slate-50 text-slate-400 ring-slate-200',
};

const dot: Record<InstanceStatus, string> = {
  Pending: 'bg-amber-500 animate-pulse',
  Running: 'bg-emerald-500',
  Stopped: 'bg-slate-400',
  Frozen: 'bg-sky-500',
  Released: 'bg-slate-300',
};

export function StatusBadge({ status }: { status: InstanceStatus }) {
  const t = useTranslations('status');
  return (
    <span data-status={status} className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone[status]}`}>
      <span className={`size-1.5 rounded-full ${dot[status]}`} aria-hidden />
      {t(status)}
    </span>
  );
}
