'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';
import { categories, PRODUCT_DESCRIPTION_MAX, PRODUCT_SUMMARY_MAX, PRODUCT_TITLE_MAX } from '@/lib/domain/marketplace';

type Info = { title: string; category: string; summary: string; description: string; interfaceUrl: string | null };

/** Step 1 of publishing: what buyers read, and the production interface URL (SEL-3). */
export function ProductInfoForm({ action, initial, submitLabel }: { action: FormAction; initial?: Info; submitLabel: string }) {
  const t = useTranslations('publishing');
  const tm = useTranslations('marketplace');
  // An edit form keeps the saved values after success; a new product's page moves on.
  const { state, pending, form, fieldError: at, formError } = useFormAction(action, { success: useTranslations('toast')('saved'), resetOnSuccess: false });
  return (
    <form {...form} className="space-y-4">
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
      <FormError message={formError(['title', 'category', 'summary', 'description', 'interfaceUrl'])} />
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
