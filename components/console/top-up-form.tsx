'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useResultToast } from '@/components/ui/toast';

export function TopUpForm({ topUpAction }: { topUpAction: FormAction }) {
  const t = useTranslations('billing');
  const [state, action, pending] = useActionState(topUpAction, null);
  useResultToast(state, useTranslations('toast')('toppedUp'));
  const [amount, setAmount] = useState('100');
  return (
    <form action={action} className="space-y-3" noValidate>
      <div className="flex items-end gap-3">
        <div className="w-48">
          <Field label={t('amount')} name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={state && !state.ok ? state.error.message : undefined} />
        </div>
        <Button type="submit" disabled={pending}>
          {t('topUp')}
        </Button>
      </div>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('toppedUp', { amount: `¥${amount}` })}
        </p>
      )}
      <p className="text-xs text-amber-700">{t('simulated')}</p>
    </form>
  );
}
