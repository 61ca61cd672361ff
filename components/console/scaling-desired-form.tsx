'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';

/** MKT-9: the owner sets the desired capacity; the group scales to it at once. */
export function ScalingDesiredForm({ desired, min, max, setAction }: { desired: number; min: number; max: number; setAction: FormAction }) {
  const t = useTranslations('scaling');
  const [state, action, pending] = useActionState(setAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="w-40">
        <Field label={t('setDesired')} name="desired" type="number" min={min} max={max} defaultValue={desired} hint={t('setDesiredHint', { min, max })} error={state && !state.ok ? state.error.message : undefined} />
      </div>
      <Button type="submit" disabled={pending} className="mb-5">
        {t('apply')}
      </Button>
      {state?.ok && (
        <p role="status" className="mb-6 text-sm text-emerald-700">
          {t('applied')}
        </p>
      )}
    </form>
  );
}
