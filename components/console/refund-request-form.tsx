'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormError, inputClass } from '@/components/ui/field';
import { REFUND_REASON_MAX } from '@/lib/domain/refunds';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';

/** REF-5: the buyer asks for a refund with a reason the admin reads. */
export function RefundRequestForm({ requestAction }: { requestAction: FormAction }) {
  const t = useTranslations('orders');
  const { state, pending, form, fieldError: errorOf, formError } = useFormAction(requestAction, { success: useTranslations('toast')('refundRequested') });
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {t('refundRequested')}
      </p>
    );
  }
  const fieldError = errorOf('reason');
  return (
    <form {...form} className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="reason" className="block text-sm font-medium text-slate-700">
          {t('reasonLabel')}
        </label>
        <textarea id="reason" name="reason" rows={3} maxLength={REFUND_REASON_MAX} aria-invalid={fieldError ? true : undefined} className={inputClass} />
        {fieldError ? <p className="text-sm text-red-600">{fieldError}</p> : <p className="text-xs text-slate-500">{t('reasonHint')}</p>}
      </div>
      <FormError message={formError(['reason'])} />
      <Button type="submit" disabled={pending}>
        {t('requestRefund')}
      </Button>
    </form>
  );
}
