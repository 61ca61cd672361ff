'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { INVOICE_TITLE_MAX, TAX_ID_MAX } from '@/lib/domain/refunds';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';

/** REF-7: an electronic invoice for the order, issued at once. */
export function InvoiceForm({ issueAction }: { issueAction: FormAction }) {
  const t = useTranslations('orders');
  const { form, pending, fieldError, formError } = useFormAction(issueAction, { success: useTranslations('toast')('invoiceRequested') });
  const shown = formError(['title', 'taxId']);
  return (
    <form {...form} className="grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-start">
      <Field label={t('invoiceHeading')} name="title" maxLength={INVOICE_TITLE_MAX} error={fieldError('title')} />
      <Field label={t('taxId')} name="taxId" maxLength={TAX_ID_MAX} error={fieldError('taxId')} />
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t('issueInvoice')}
      </Button>
      {shown && (
        <div className="sm:col-span-3">
          <FormError message={shown} />
        </div>
      )}
    </form>
  );
}
