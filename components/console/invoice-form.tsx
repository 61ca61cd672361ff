'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { INVOICE_TITLE_MAX, TAX_ID_MAX } from '@/lib/domain/refunds';
import type { FormAction } from '@/components/ui/form-action';
import { useResultToast } from '@/components/ui/toast';

/** REF-7: an electronic invoice for the order, issued at once. */
export function InvoiceForm({ issueAction }: { issueAction: FormAction }) {
  const t = useTranslations('orders');
  const [state, action, pending] = useActionState(issueAction, null);
  useResultToast(state, useTranslations('toast')('invoiceRequested'));
  const error = state && !state.ok ? state.error : undefined;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-start" noValidate>
      <Field label={t('invoiceHeading')} name="title" maxLength={INVOICE_TITLE_MAX} error={error?.field === 'title' ? error.message : undefined} />
      <Field label={t('taxId')} name="taxId" maxLength={TAX_ID_MAX} error={error?.field === 'taxId' ? error.message : undefined} />
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t('issueInvoice')}
      </Button>
      {error && error.field !== 'title' && error.field !== 'taxId' && (
        <div className="sm:col-span-3">
          <FormError message={error.message} />
        </div>
      )}
    </form>
  );
}
