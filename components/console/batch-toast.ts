'use client';

import type { useTranslations } from 'next-intl';
import { toast } from 'sonner';
import type { ActionState } from '@/lib/auth/action';
import type { BatchReport } from '@/lib/auth/batch-report';

export type BatchKind = 'start' | 'stop' | 'release' | 'delete';

/**
 * One toast that sums a batch up: "3 instances stopped", "2 stopped, 1 refused: …", or, when
 * every item was refused, "None of the 3 instances was stopped"; each refusal named with its reason.
 */
export function toastBatch(t: ReturnType<typeof useTranslations<'batch'>>, kind: BatchKind, result: ActionState<BatchReport>, nameOf: (id: string) => string): void {
  if (!result) return;
  if (!result.ok) return void toast.error(result.error.message);
  const refused = result.data.filter((r) => !r.ok);
  const done = result.data.length - refused.length;
  if (refused.length === 0) return void toast.success(t(`done.${kind}`, { count: done }));
  const title = done === 0 ? t(`none.${kind}`, { count: refused.length }) : t(`mixed.${kind}`, { done, refused: refused.length, reason: refused[0].message ?? '' });
  toast.error(title, {
    description: refused.map((r) => t('refusedItem', { name: nameOf(r.id), reason: r.message ?? '' })).join('\n'),
  });
}
