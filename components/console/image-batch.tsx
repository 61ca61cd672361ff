'use client';

import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/auth/action';
import type { BatchReport } from '@/lib/auth/batch-report';
import { BatchDialog } from './batch-dialog';
import { useSelection } from './batch-selection';
import { toastBatch } from './batch-toast';
import { SelectedCount } from './instance-batch';

export type BatchImage = { id: string; name: string; deletable: boolean };

/** Delete of the selected images behind one confirmation (issue 16); busy or others' images are named and left alone. */
export function ImageBatchBar({ items, batchDeleteAction }: { items: BatchImage[]; batchDeleteAction: (ids: string[]) => Promise<ActionState<BatchReport>> }) {
  const t = useTranslations('batch');
  const { selected, clear } = useSelection();
  const chosen = items.filter((i) => selected.includes(i.id));
  const runs = chosen.filter((i) => i.deletable);
  return (
    <div role="toolbar" aria-label={t('label')} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600" aria-live="polite">
        {selected.length > 0 ? <SelectedCount count={selected.length} /> : null}
      </span>
      <BatchDialog
        label={t('delete')}
        danger
        title={t('title.delete', { count: runs.length })}
        will={t('will.delete')}
        runs={runs}
        skippedHeading={t('skippedImages')}
        skipped={chosen.filter((i) => !i.deletable)}
        notes={[]}
        run={async (ids) => {
          toastBatch(t, 'delete', await batchDeleteAction(ids), (id) => items.find((i) => i.id === id)?.name ?? id);
          clear();
        }}
      />
    </div>
  );
}
