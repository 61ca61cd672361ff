'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';
import { hundredthsText } from '@/lib/domain/hundredths';
import { formatFen } from '@/lib/domain/money';
import type { PlatformSettings } from '@/lib/domain/settings';
import { settingFields, settingGroups, settingKeys, settingRange, settingText, type SettingChange, type SettingKey } from './setting-fields';

type Values = Record<SettingKey, string | boolean>;

function formValues(settings: PlatformSettings): Values {
  return Object.fromEntries(settingKeys.map((key) => [key, typeof settings[key] === 'boolean' ? settings[key] : settingText(key, settings[key] as number)])) as Values;
}

export function SettingsForm({ settings, defaults, saveAction }: { settings: PlatformSettings; defaults: PlatformSettings; saveAction: FormAction<SettingChange[]> }) {
  const t = useTranslations('admin.settings');
  const format = useFormatter();
  // Through the shared hook: React's reset after an action would untick the controlled switches.
  const { state, pending, form, error, fieldError: refused } = useFormAction(saveAction, { success: useTranslations('toast')('saved'), resetOnSuccess: false });
  // Controlled, so a refused value stays on screen next to its error.
  const [values, setValues] = useState(() => formValues(settings));
  const set = (key: SettingKey, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));
  const shown = (key: SettingKey, value: PlatformSettings[SettingKey]) => (typeof value === 'boolean' ? t(value ? 'on' : 'off') : settingFields[key].unit === 'percent' ? `${hundredthsText(value)}%` : settingFields[key].unit === 'yuan' ? formatFen(value) : format.number(value));
  const rangeOf = (key: SettingKey) => {
    const range = settingRange(key)!;
    return { min: format.number(range.min), max: format.number(range.max) };
  };
  // Every refused setting is marked at once, each with its range.
  const fieldError = (key: SettingKey) => (refused(key) ? t(settingFields[key].unit === 'percent' ? 'percentRange' : settingFields[key].unit === 'yuan' ? 'yuanRange' : 'wholeRange', rangeOf(key)) : undefined);

  return (
    <form {...form} className="max-w-4xl space-y-5">
      {settingGroups.map((group) => (
        <fieldset key={group} className="rounded-lg border border-slate-200 bg-white px-5 pt-2 pb-5">
          <legend className="px-1 text-base font-semibold">{t(`groups.${group}`)}</legend>
          <div className="divide-y divide-slate-100">
            {settingKeys
              .filter((key) => settingFields[key].group === group)
              .map((key) => {
                const { unit } = settingFields[key];
                const help = (
                  <p id={`${key}-help`} className="text-sm text-slate-600">
                    {t(`help.${key}`)} <span className="text-slate-500">{t('defaultIs', { value: shown(key, defaults[key]) })}</span>
                  </p>
                );
                return (
                  <div key={key} data-setting={key} className="grid gap-x-8 gap-y-2 py-4 sm:grid-cols-[16rem_1fr] sm:items-start">
                    {unit === 'switch' ? (
                      <div className="flex items-start gap-3">
                        <input id={key} name={key} type="checkbox" checked={values[key] === true} onChange={(e) => set(key, e.target.checked)} aria-describedby={`${key}-help`} className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" />
                        <label htmlFor={key} className="text-sm font-medium text-slate-700">
                          {t(`labels.${key}`)}
                        </label>
                      </div>
                    ) : (
                      <Field
                        label={t(`labels.${key}`)}
                        name={key}
                        inputMode={unit === 'percent' || unit === 'yuan' ? 'decimal' : 'numeric'}
                        value={values[key] as string}
                        onChange={(e) => set(key, e.target.value)}
                        error={fieldError(key)}
                        hint={t(`units.${unit}`, rangeOf(key))}
                      />
                    )}
                    <div className={unit === 'switch' ? '' : 'sm:pt-7'}>{help}</div>
                  </div>
                );
              })}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-start justify-end gap-4">
        <div className="min-w-0 flex-1">
          {error && <FormError message={error.field && Object.hasOwn(settingFields, error.field) ? t('notSaved', { count: Object.keys(error.fields ?? {}).length, setting: t(`labels.${error.field}`) }) : error.message} />}
          {state?.ok && (
            <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
              {state.data.length === 0 ? (
                t('savedNothing')
              ) : (
                <>
                  <p className="font-medium">{t('saved', { count: state.data.length })}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {state.data.map((c: SettingChange) => (
                      <li key={c.key}>{t('change', { setting: t(`labels.${c.key}`), from: shown(c.key, c.from), to: shown(c.key, c.to) })}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
