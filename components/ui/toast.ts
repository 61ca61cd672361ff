'use client';
// The short word after an action that changes something (issue 16): success or the refusal's
// message. Inline messages stay where they carry detail; the toast says how it ended.
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { toast } from 'sonner';

/** How a server action ended, as the components see it. */
export type Settled = { ok: boolean; error?: { message: string } } | null | undefined;

/**
 * Toasts how a server action ended: the success words, or the refusal's catalogue message —
 * or, where the component shows that message on the page, only the short `refused` word.
 */
export function toastResult(result: Settled, success: string, refused?: string): boolean {
  if (!result) return false;
  if (result.ok) toast.success(success);
  else toast.error(refused ?? result.error?.message ?? '');
  return result.ok;
}

/** For a form with useActionState, which shows its refusals in place: toasts each new state once (nothing without `success`). */
export function useResultToast(state: Settled, success: string | undefined): void {
  const refused = useTranslations('toast')('refused');
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current || success === undefined) return;
    seen.current = state;
    toastResult(state, success, refused);
  }, [state, success, refused]);
}

export { toast };
