'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/components/ui/form-action';
import { Field } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/** SEL-3: a listed product's interface URL can move; debug it again at the new address. */
export function InterfaceUrlForm({ action: moveAction, current }: { action: FormAction; current: string }) {
  const t = useTranslations('publishing');
  const { state, pending, form, error } = useFormAction(moveAction, { success: useTranslations('toast')('saved'), resetOnSuccess: false });
  return (
    <form {...form} className="flex flex-wrap items-start gap-3">
      <div className="min-w-80 flex-1">
        <Field label={t('fieldInterfaceUrl')} name="interfaceUrl" defaultValue={current} hint={t('moveHint')} error={error?.message} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
        {t('moveInterface')}
      </Button>
      {state?.ok && (
        <p role="status" className="w-full text-sm text-emerald-700">
          {t('saved')}
        </p>
      )}
    </form>
  );
}
