'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { toastResult } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';

/** MKT-9: the owner sets the desired capacity; the group scales to it at once. A refused number stays typed (issue 16). */
export function ScalingDesiredForm({ desired, min, max, setAction }: { desired: number; min: number; max: number; setAction: FormAction }) {
  const t = useTranslations('scaling');
  const tt = useTranslations('toast');
  // Toasted as the action returns: a new desired capacity remounts this form (the page keys it by
  // the capacity), so an effect after the new state would never run.
  const { state, pending, form, error } = useFormAction<unknown>(async (previous, data) => {
    const result = await setAction(previous, data);
    toastResult(result, tt('saved'), tt('refused'));
    return result;
  });
  return (
    <form {...form} className="flex flex-wrap items-end gap-3">
      <div className="w-40">
        <Field label={t('setDesired')} name="desired" type="number" min={min} max={max} defaultValue={desired} hint={t('setDesiredHint', { min, max })} error={error?.message} />
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
