'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, inputClass } from '@/components/ui/field';
import type { ActionError } from '@/lib/auth/action';
import { COMPANY_NAME_MAX, CONTACT_EMAIL_MAX } from '@/lib/domain/form-limits';
import type { ApplicationField } from '@/lib/domain/seller-onboarding';
import { useResultToast } from '@/components/ui/toast';

/** What the apply action answers: every failed condition in words, by field (SEL-1). */
export type ApplyState = { ok: true } | { ok: false; error: ActionError; fieldErrors: Partial<Record<ApplicationField, string>> } | null;

export type ApplicationValues = {
  companyName: string;
  foundedOn: string;
  registeredCapital: string;
  staffCount: string;
  supportHours: string;
  contactEmail: string;
};

type Field = keyof ApplicationValues | 'agreement';

const empty: ApplicationValues = { companyName: '', foundedOn: '', registeredCapital: '', staffCount: '', supportHours: '', contactEmail: '' };

/** One field with its condition beside it (SEL-1) and, when it fails, the reason under it. */
function Row({ name, label, condition, error, children }: { name: Field; label: ReactNode; condition: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="grid gap-x-8 gap-y-1.5 md:grid-cols-[minmax(0,1fr)_17rem]" data-field={name}>
      <div className="space-y-1.5">
        <label htmlFor={name} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        {children}
        {error && (
          <p id={`${name}-error`} className="text-sm text-red-600">
            {error}
          </p>
        )}
      </div>
      <p id={`${name}-condition`} className={`flex gap-2 text-xs leading-5 md:pt-7 ${error ? 'text-red-700' : 'text-slate-500'}`}>
        <span aria-hidden className={`mt-1.5 size-1.5 shrink-0 rounded-full ${error ? 'bg-red-500' : 'bg-brand-500'}`} />
        <span>{condition}</span>
      </p>
    </div>
  );
}

/** SEL-1: the application, each condition of the seed next to its field; every failure is marked at once. */
export function ApplicationForm({ applyAction, initial, latestFoundedOn, latestFoundedOnLabel, minCapital, minStaff, supportOptions }: { applyAction: (state: ApplyState, form: FormData) => Promise<ApplyState>; initial?: ApplicationValues; latestFoundedOn: string; latestFoundedOnLabel: string; minCapital: string; minStaff: number; supportOptions: readonly string[] }) {
  const t = useTranslations('seller.apply');
  const [state, action, pending] = useActionState(applyAction, null);
  useResultToast(state, useTranslations('toast')('submitted'));
  // Controlled, so a refused application keeps what was typed (React resets uncontrolled fields).
  const [values, setValues] = useState<ApplicationValues>(initial ?? empty);
  const [agreement, setAgreement] = useState(false);
  const failed = state && !state.ok ? state : undefined;
  const fieldError = (field: Field) => failed?.fieldErrors[field];
  const failures = failed ? Object.keys(failed.fieldErrors).length : 0;
  const describedBy = (field: Field) => (fieldError(field) ? `${field}-error ${field}-condition` : `${field}-condition`);
  const input = (field: keyof ApplicationValues) => ({
    id: field,
    name: field,
    value: values[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
    'aria-invalid': fieldError(field) ? true : undefined,
    'aria-describedby': describedBy(field),
    className: inputClass,
  });

  // Submitted by hand rather than through `action`, which resets the form afterwards: React does
  // not restore a controlled select or checkbox after that reset, so a refused application
  // would look as if its support hours and agreement were lost.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {failed && (failures > 0 ? <FormError message={t('fixFields', { count: failures })} /> : <FormError message={failed.error.message} />)}
      <Row name="companyName" label={t('fields.companyName')} condition={t('fields.companyNameHint')} error={fieldError('companyName')}>
        <input {...input('companyName')} autoComplete="organization" maxLength={COMPANY_NAME_MAX} />
      </Row>
      <Row name="foundedOn" label={t('fields.foundedOn')} condition={t('fields.foundedOnHint', { latest: latestFoundedOnLabel })} error={fieldError('foundedOn')}>
        <input {...input('foundedOn')} type="date" max={latestFoundedOn} className={`${inputClass} max-w-52`} />
      </Row>
      <Row name="registeredCapital" label={t('fields.registeredCapital')} condition={t('fields.registeredCapitalHint', { min: minCapital })} error={fieldError('registeredCapital')}>
        <input {...input('registeredCapital')} inputMode="decimal" placeholder="500000" className={`${inputClass} max-w-52`} />
      </Row>
      <Row name="staffCount" label={t('fields.staffCount')} condition={t('fields.staffCountHint', { min: minStaff })} error={fieldError('staffCount')}>
        <input {...input('staffCount')} type="number" min={0} step={1} inputMode="numeric" className={`${inputClass} max-w-32`} />
      </Row>
      <Row name="supportHours" label={t('fields.supportHours')} condition={t('fields.supportHoursHint')} error={fieldError('supportHours')}>
        <select {...input('supportHours')} className={`${inputClass} max-w-52`}>
          <option value="">{t('fields.supportHoursChoose')}</option>
          {supportOptions.map((option) => (
            <option key={option} value={option}>
              {t.has(`fields.supportOptions.${option}`) ? t(`fields.supportOptions.${option}`) : option}
            </option>
          ))}
        </select>
      </Row>
      <Row name="contactEmail" label={t('fields.contactEmail')} condition={t('fields.contactEmailHint')} error={fieldError('contactEmail')}>
        <input {...input('contactEmail')} type="email" autoComplete="email" maxLength={CONTACT_EMAIL_MAX} />
      </Row>
      <div className="grid gap-x-8 gap-y-1.5 md:grid-cols-[minmax(0,1fr)_17rem]" data-field="agreement">
        <div className="space-y-1.5">
          <label className="flex items-start gap-3 text-sm text-slate-800">
            <input
              id="agreement"
              name="agreement"
              type="checkbox"
              checked={agreement}
              onChange={(e) => setAgreement(e.target.checked)}
              aria-invalid={fieldError('agreement') ? true : undefined}
              aria-describedby={describedBy('agreement')}
              className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
            />
            <span>{t('fields.agreement')}</span>
          </label>
          {fieldError('agreement') && (
            <p id="agreement-error" className="pl-7 text-sm text-red-600">
              {fieldError('agreement')}
            </p>
          )}
        </div>
        <p id="agreement-condition" className={`flex gap-2 text-xs leading-5 ${fieldError('agreement') ? 'text-red-700' : 'text-slate-500'}`}>
          <span aria-hidden className={`mt-1.5 size-1.5 shrink-0 rounded-full ${fieldError('agreement') ? 'bg-red-500' : 'bg-brand-500'}`} />
          <span>{t('fields.agreementHint')}</span>
        </p>
      </div>
      <div className="border-t border-slate-100 pt-5">
        <Button type="submit" disabled={pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
