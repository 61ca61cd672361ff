'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';

type Named = { id: string; name: string };

/** One batch action's button and its single confirmation: what will happen to which rows, and which are left alone. */
export function BatchDialog({ label, danger, title, will, runs, skippedHeading, skipped, notes, run }: { label: string; danger?: boolean; title: string; will: string; runs: Named[]; skippedHeading: string; skipped: Named[]; notes: string[]; run: (ids: string[]) => Promise<void> }) {
  const t = useTranslations('batch');
  const tc = useTranslations('common');
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      await run(runs.map((r) => r.id));
      setOpen(false);
    });
  const empty = runs.length + skipped.length === 0;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      trigger={
        <Button size="sm" variant={danger ? 'danger' : 'secondary'} disabled={empty}>
          {label}
        </Button>
      }
    >
      <div className="max-h-[50vh] space-y-3 overflow-y-auto text-sm">
        {runs.length > 0 ? <NameList heading={will} items={runs} /> : <p className="text-slate-600">{t('nothing')}</p>}
        {skipped.length > 0 && <NameList heading={skippedHeading} items={skipped} muted />}
        {notes.map((n) => (
          <p key={n} className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            {n}
          </p>
        ))}
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">{tc('cancel')}</Button>
        </DialogClose>
        <Button variant={danger ? 'danger' : 'primary'} disabled={pending || runs.length === 0} onClick={confirm}>
          {pending ? tc('working') : label}
        </Button>
      </div>
    </Dialog>
  );
}

function NameList({ heading, items, muted }: { heading: string; items: Named[]; muted?: boolean }) {
  return (
    <div>
      <p className="font-medium text-slate-800">{heading}</p>
      <ul className={`mt-1 list-disc space-y-0.5 pl-5 ${muted ? 'text-slate-500' : 'text-slate-700'}`}>
        {items.map((i) => (
          <li key={i.id} className="break-all">
            {i.name} <span className="font-mono text-xs text-slate-500">{i.id}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
