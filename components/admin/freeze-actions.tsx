'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ItemFormAction } from '@/components/ui/form-action';
import type { InstanceStatus } from '@/lib/domain/instances';
import { ConfirmAction } from './confirm-action';
import { ReasonAction } from './reason-action';

/** ADM-2: freeze with a reason, or lift a freeze the operator made; a refusal shows under the buttons. */
export function FreezeActions({ id, name, status, statusReason, freezeAction, unfreezeAction }: { id: string; name: string; status: InstanceStatus; statusReason: string | null; freezeAction: ItemFormAction; unfreezeAction: ItemFormAction }) {
  const t = useTranslations('admin.instances');
  const [error, setError] = useState<string>();
  if (status === 'Released') return null;
  let control;
  if (status !== 'Frozen') {
    control = <ReasonAction label={t('freeze')} title={t('freezeTitle', { name })} description={t('freezeHint')} reasonLabel={t('freezeReason')} action={freezeAction.bind(null, id)} onSettled={setError} />;
  } else if (statusReason === 'violation') {
    control = <ConfirmAction label={t('unfreeze')} title={t('unfreezeTitle', { name })} description={t('unfreezeHint')} action={unfreezeAction.bind(null, id)} onSettled={setError} variant="secondary" />;
  } else {
    control = <span className="text-xs text-slate-500">{t('thawsOnRenewal')}</span>;
  }
  return (
    <div className="flex flex-col items-end gap-1.5">
      {control}
      {error && (
        <p role="alert" className="max-w-64 text-right text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
