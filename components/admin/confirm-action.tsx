'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import type { FormAction, OnSettled } from '@/components/ui/form-action';
import { toastResult } from '@/components/ui/toast';

/** A button that asks once, then runs the action; a refusal goes to `onSettled` to be shown by the item. */
export function ConfirmAction({ label, title, description, action, onSettled, variant = 'primary' }: { label: string; title: string; description: string; action: FormAction; onSettled: OnSettled; variant?: 'primary' | 'secondary' | 'danger' }) {
  const t = useTranslations('common');
  const tt = useTranslations('toast');
  const [open, setOpen] = useState(false);
  const [, formAction, pending] = useActionState<Awaited<ReturnType<FormAction>>, FormData>(async (state, form) => {
    const result = await action(state, form);
    setOpen(false);
    toastResult(result, tt('done'), tt('refused'));
    onSettled(result && !result.ok ? result.error.message : undefined);
    return result;
  }, null);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      description={description}
      trigger={
        <Button size="sm" variant={variant} disabled={pending}>
          {pending ? t('working') : label}
        </Button>
      }
    >
      <form action={formAction} className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('cancel')}
          </Button>
        </DialogClose>
        <Button type="submit" variant={variant} disabled={pending}>
          {label}
        </Button>
      </form>
    </Dialog>
  );
}
