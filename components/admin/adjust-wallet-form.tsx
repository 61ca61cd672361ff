'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { formatFen, parseYuan } from '@/lib/domain/money';
import { MAX_ADJUSTMENT_REASON_LENGTH } from '@/lib/domain/form-limits';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';
import { refusal } from '@/components/ui/use-form-action';

type Result = ActionState<{ transferId: string; balanceFen: number }>;
type Direction = 'credit' | 'debit';

/**
 * Credit or debit a wallet in two steps: fill in, then confirm a summary of exactly what will
 * happen. A refusal brings the form back with the words next to the field they are about.
 */
export function AdjustWalletForm({ accountName, action }: { accountName: string; action: (state: Result, form: FormData) => Promise<Result> }) {
  const t = useTranslations('admin.accounts');
  const common = useTranslations('common');
  const tt = useTranslations('toast');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [direction, setDirection] = useState<Direction>('credit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<{ direction: Direction; amountFen: number; balanceFen: number }>();
  const [malformed, setMalformed] = useState(false);
  const amountFen = parseYuan(amount);
  const [state, formAction, pending] = useActionState<Result, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    setStep('edit');
    toastResult(result, tt('saved'), tt('refused'));
    if (result?.ok) {
      setDone({ direction, amountFen: amountFen ?? 0, balanceFen: result.data.balanceFen });
      setAmount('');
      setReason('');
    }
    return result;
  }, null);
  const { error, fieldError } = refusal(state);
  const amountError = malformed ? t('amountMalformed') : fieldError('amountFen');
  const reasonError = fieldError('reason');
  const reasonId = useId();

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (step === 'confirm') return;
        event.preventDefault(); // the first submit only shows the summary
        setDone(undefined);
        setMalformed(amountFen === null);
        if (amountFen !== null) setStep('confirm');
      }}
      className="space-y-4"
      noValidate
    >
      {step === 'edit' ? (
        <>
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium text-slate-700">{t('direction')}</legend>
            <div className="flex gap-4 text-sm">
              {(['credit', 'debit'] as const).map((d) => (
                <label key={d} className="flex items-center gap-2">
                  <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} />
                  {t(d)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="w-48">
            <Field label={t('amount')} name="amount" inputMode="decimal" value={amount} onChange={(e) => (setAmount(e.target.value), setMalformed(false))} error={amountError} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
              {t('reason')}
            </label>
            <textarea id={reasonId} name="reason" rows={3} maxLength={MAX_ADJUSTMENT_REASON_LENGTH} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={reasonError ? true : undefined} aria-describedby={`${reasonId}-hint`} className={inputClass} />
            <p id={`${reasonId}-hint`} className={`text-xs ${reasonError ? 'text-red-600' : 'text-slate-500'}`}>
              {reasonError ?? t('reasonHint')}
            </p>
          </div>
          {!amountError && !reasonError && <FormError message={error?.message} />}
          <Button type="submit" disabled={amount.trim() === '' || reason.trim() === ''}>
            {t('review')}
          </Button>
        </>
      ) : (
        <div className="space-y-4 rounded-md border border-amber-200 bg-amber-50 p-4" role="group" aria-label={t('confirmTitle')}>
          <input type="hidden" name="direction" value={direction} />
          <input type="hidden" name="amount" value={amount} />
          <input type="hidden" name="reason" value={reason} />
          <p className="text-sm font-medium text-slate-900">{t(direction === 'credit' ? 'confirmCredit' : 'confirmDebit', { amount: formatFen(amountFen ?? 0), account: accountName })}</p>
          <blockquote className="border-l-2 border-amber-300 pl-3 text-sm whitespace-pre-line text-slate-700">{reason.trim()}</blockquote>
          <p className="text-xs text-slate-600">{t('confirmHint')}</p>
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={() => setStep('edit')} disabled={pending}>
              {t('back')}
            </Button>
            <Button type="submit" variant={direction === 'debit' ? 'danger' : 'primary'} disabled={pending}>
              {pending ? common('working') : t(direction === 'credit' ? 'confirmCreditButton' : 'confirmDebitButton')}
            </Button>
          </div>
        </div>
      )}
      {done && step === 'edit' && (
        <p role="status" className="text-sm text-emerald-700">
          {t(done.direction === 'credit' ? 'credited' : 'debited', { amount: formatFen(done.amountFen), balance: formatFen(done.balanceFen) })}
        </p>
      )}
    </form>
  );
}
