'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';

export type ImageChoice = { id: string; label: string };

/** Refusals shown under their own field; any other above the button. */
const inlineFields = ['name', 'minSize', 'maxSize', 'desired', 'spendingCapFen'];

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
        {children}
      </select>
    </div>
  );
}

/** MKT-9: the create wizard's three steps on one form: image and type, size, how licenses are had. */
export function ScalingGroupForm(props: { regionId: string; marketplace: ImageChoice[]; images: ImageChoice[]; instanceTypes: string[]; initialImageId?: string; createAction: FormAction }) {
  const t = useTranslations('scaling');
  const [state, action, pending] = useActionState(props.createAction, null);
  const [imageId, setImageId] = useState(props.initialImageId ?? props.marketplace[0]?.id ?? props.images[0]?.id ?? '');
  const [type, setType] = useState(props.instanceTypes[0] ?? '');
  const [policy, setPolicy] = useState('oldest');
  const [mode, setMode] = useState('buy');
  const error = state && !state.ok ? state.error : undefined;
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="regionId" value={props.regionId} />
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-base font-semibold">{t('stepImage')}</h2>
        <Field label={t('name')} name="name" required maxLength={128} error={fieldError('name')} />
        <Select id="imageId" label={t('image')} value={imageId} onChange={setImageId}>
          <optgroup label={t('marketplaceImages')}>
            {props.marketplace.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('ownImages')}>
            {props.images.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select id="instanceTypeId" label={t('instanceType')} value={type} onChange={setType}>
          {props.instanceTypes.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </Select>
      </section>
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-base font-semibold">{t('stepSize')}</h2>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field label={t('minSize')} name="minSize" type="number" min={0} max={100} defaultValue={0} error={fieldError('minSize')} />
          <Field label={t('desired')} name="desired" type="number" min={0} max={100} defaultValue={0} error={fieldError('desired')} />
          <Field label={t('maxSize')} name="maxSize" type="number" min={0} max={100} defaultValue={2} error={fieldError('maxSize')} />
        </div>
        <p className="text-xs text-slate-500">{t('sizeHint')}</p>
        <Select id="removalPolicy" label={t('removalPolicy')} value={policy} onChange={setPolicy}>
          <option value="oldest">{t('removal.oldest')}</option>
          <option value="newest">{t('removal.newest')}</option>
        </Select>
      </section>
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-base font-semibold">{t('stepLicenses')}</h2>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t('licenseMode')}</legend>
          {(['buy', 'reserve'] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="licenseMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`modes.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'buy' && <Field label={t('spendingCap')} name="spendingCap" inputMode="decimal" defaultValue="0.00" hint={t('capHint')} error={fieldError('spendingCapFen')} />}
      </section>
      <FormError message={error && !inlineFields.includes(error.field ?? '') ? error.message : undefined} />
      <Button type="submit" disabled={pending || !imageId}>
        {t('submit')}
      </Button>
    </form>
  );
}
