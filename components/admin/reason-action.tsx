'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/field';
import { DECISION_NOTE_MAX } from '@/lib/domain/validation';
import type { FormAction, OnSettled } from '@/components/ui/form-action';
import { toastResult } from '@/components/ui/toast';

/**
 * A decision that needs words the other side reads (a rejection, a freeze): a dialog with a
 * required reason. A missing reason is shown under the field; any other refusal closes the
 * dialog and goes to `onSettled`, to be shown next to the item.
 */
export function ReasonAction({ label, title, description, reasonLabel, action, onSettled, variant = 'danger' }: { label: string; title: string; description: string; reasonLabel: string; action: FormAction; onSettled: OnSettled; variant?: 'secondary' | 'danger' }) {
  const t = useTranslations('common');
  const tt = useTranslations('toast');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [state, formAction, pending] = useActionState<Awaited<ReturnType<FormAction>>, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    // Told in a toast either way (issue 16); a refused note keeps the dialog open with its reason.
    toastResult(result, tt('done'), tt('refused'));
    if (result && !result.ok && result.error.field === 'note') return result;
    setOpen(false);
    onSettled(result && !result.ok ? result.error.message : undefined);
    return null;
  }, null);
  const error = state && !state.ok ? state.error.message : undefined;
  const id = useId();
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      description={description}
      trigger={
        <Button size="sm" variant={variant} disabled={pending}>
          {label}
        </Button>
      }
    >
      <form action={formAction} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor={id} className="block text-sm font-medium text-slate-700">
            {reasonLabel}
          </label>
          <textarea
            id={id}
            name="note"
            rows={4}
            maxLength={DECISION_NOTE_MAX}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
          {error && (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
              {error}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              {t('cancel')}
            </Button>
          </DialogClose>
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? t('working') : label}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
