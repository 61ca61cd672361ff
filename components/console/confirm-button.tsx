'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { toastResult } from '@/components/ui/toast';

type Result = { ok: boolean; error?: { message: string } } | null;

/** A destructive action behind a confirmation dialog that shows the refusal, if any, in place. */
export function ConfirmButton({ label, confirm, run, after, done }: { label: string; confirm: string; run: () => Promise<Result>; after?: string; done?: string }) {
  const t = useTranslations('common');
  const tt = useTranslations('toast');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const go = () =>
    startTransition(async () => {
      const result = await run();
      toastResult(result, done ?? tt('done'), tt('refused'));
      if (result && !result.ok) return setError(result.error?.message);
      setOpen(false);
      if (after) router.push(after);
    });
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(undefined))} title={label} description={confirm} trigger={<Button size="sm" variant="danger">{label}</Button>}>
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">{t('cancel')}</Button>
        </DialogClose>
        <Button variant="danger" disabled={pending} onClick={go}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
