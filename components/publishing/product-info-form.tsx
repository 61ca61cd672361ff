'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import { categories, PRODUCT_DESCRIPTION_MAX, PRODUCT_SUMMARY_MAX, PRODUCT_TITLE_MAX } from '@/lib/domain/marketplace';
import { useResultToast } from '@/components/ui/toast';

type Info = { title: string; category: string; summary: string; description: string; interfaceUrl: string | null };

/** Step 1 of publishing: what buyers read, and the production interface URL (SEL-3). */
export function ProductInfoForm({ action, initial, submitLabel }: { action: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>; initial?: Info; submitLabel: string }) {
  const t = useTranslations('publishing');
  const tm = useTranslations('marketplace');
  const [state, formAction, pending] = useActionState(action, null);
  useResultToast(state, useTranslations('toast')('saved'));
  const error = state && !state.ok ? state.error : undefined;
  const at = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label={t('fieldTitle')} name="title" defaultValue={initial?.title} maxLength={PRODUCT_TITLE_MAX} error={at('title')} />
      <div className="space-y-1.5">
        <label htmlFor="category" className="block text-sm font-medium text-slate-700">
          {t('fieldCategory')}
        </label>
        <select id="category" name="category" defaultValue={initial?.category ?? ''} className={inputClass} aria-invalid={at('category') ? true : undefined}>
          <option value="" disabled>
            {t('chooseCategory')}
          </option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {tm(`categories.${c}`)}
            </option>
          ))}
        </select>
        {at('category') && <p className="text-sm text-red-600">{at('category')}</p>}
      </div>
      <Field label={t('fieldSummary')} name="summary" defaultValue={initial?.summary} maxLength={PRODUCT_SUMMARY_MAX} error={at('summary')} />
      <div className="space-y-1.5">
        <label htmlFor="description" className="block text-sm font-medium text-slate-700">
          {t('fieldDescription')}
        </label>
        <textarea id="description" name="description" rows={5} defaultValue={initial?.description} maxLength={PRODUCT_DESCRIPTION_MAX} className={inputClass} aria-invalid={at('description') ? true : undefined} />
        {at('description') ? <p className="text-sm text-red-600">{at('description')}</p> : <p className="text-xs text-slate-500">{t('descriptionHint')}</p>}
      </div>
      <Field label={t('fieldInterfaceUrl')} name="interfaceUrl" defaultValue={initial?.interfaceUrl ?? ''} placeholder="https://seller.example.com/stratus" hint={t('interfaceUrlHint')} error={at('interfaceUrl')} />
      {error && !['title', 'category', 'summary', 'description', 'interfaceUrl'].includes(error.field ?? '') && <FormError message={error.message} />}
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('saved')}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
