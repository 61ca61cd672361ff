'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog, DialogClose } from './dialog';
import { FormError } from './field';

export type ReviewRow = { key: string; label: string; value: ReactNode; strong?: boolean };

/**
 * An order review before money moves (issue 16): what is bought, where, how many, the price and
 * the balance after, with Cancel and Confirm. Radix keeps it keyboard accessible (focus inside,
 * Escape closes, focus back on the trigger). `rows` null: the quote is still coming.
 */
export function ReviewDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactNode;
  title: string;
  rows: ReviewRow[] | null;
  children?: ReactNode;
  error?: string;
  confirmLabel: string;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  testId: string;
}) {
  const t = useTranslations('common');
  const { rows } = props;
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange} trigger={props.trigger} title={props.title} description={t('reviewNothingYet')}>
      {rows ? (
        <dl className="space-y-2 text-sm" data-testid={props.testId}>
          {rows.map((row) => (
            <div key={row.key} className="flex flex-wrap justify-between gap-x-4">
              <dt className="text-slate-500">{row.label}</dt>
              <dd className={`ml-auto text-right ${row.strong ? 'font-semibold' : ''}`} data-testid={`${props.testId}-${row.key}`}>
                {row.value}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        !props.error && <p className="text-sm text-slate-500">{t('working')}</p>
      )}
      {props.children}
      <FormError message={props.error} />
      <div className="mt-5 flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t('cancel')}
          </Button>
        </DialogClose>
        <Button type="button" disabled={!rows || props.confirmDisabled} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
