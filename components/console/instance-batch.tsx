'use client';

import { useTranslations } from 'next-intl';
import { planInstanceBatch, type BatchInstance, type InstanceBatchAction } from '@/lib/domain/batch';
import type { ActionState } from '@/lib/auth/action';
import type { BatchReport } from '@/lib/auth/batch-report';
import { BatchDialog } from './batch-dialog';
import { useSelection } from './batch-selection';
import { toastBatch } from './batch-toast';

/** Start, stop and release of the selected instances, each behind one confirmation (issue 16). */
export function InstanceBatchBar({ items, batchAction }: { items: BatchInstance[]; batchAction: (action: InstanceBatchAction, ids: string[]) => Promise<ActionState<BatchReport>> }) {
  const t = useTranslations('batch');
  const { selected, clear } = useSelection();
  const chosen = items.filter((i) => selected.includes(i.id));
  const nameOf = (id: string) => items.find((i) => i.id === id)?.name ?? id;
  return (
    <div role="toolbar" aria-label={t('label')} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600" aria-live="polite">
        {selected.length > 0 ? <SelectedCount count={selected.length} /> : null}
      </span>
      {(['start', 'stop', 'release'] as const).map((action) => {
        const plan = planInstanceBatch(action, chosen);
        const notes = [...(plan.licensesReturned ? [t('licensesReturned', { count: plan.licensesReturned })] : []), ...(plan.subscriptions ? [t('subscriptions', { count: plan.subscriptions })] : [])];
        return (
          <BatchDialog
            key={action}
            label={t(action)}
            danger={action === 'release'}
            title={t(`title.${action}`, { count: plan.runs.length })}
            will={t(`will.${action}`)}
            runs={plan.runs}
            skippedHeading={t('skipped')}
            skipped={plan.skipped}
            notes={notes}
            run={async (ids) => {
              toastBatch(t, action, await batchAction(action, ids), nameOf);
              clear();
            }}
          />
        );
      })}
    </div>
  );
}

export function SelectedCount({ count }: { count: number }) {
  const t = useTranslations('lists');
  return <>{t('selected', { count })}</>;
}
