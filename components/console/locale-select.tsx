'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { locales, type Locale } from '@/i18n/locales';

const names: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LocaleSelect({ setLocaleAction, tone = 'light' }: { setLocaleAction: (locale: Locale) => Promise<void>; tone?: 'light' | 'dark' }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const style = tone === 'dark' ? 'border-white/20 bg-white/10 text-white' : 'border-slate-600 bg-slate-800 text-slate-100';
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t('language')}</span>
      <select
        aria-label={t('language')}
        className={`rounded-md border px-2 py-1 text-sm ${style}`}
        value={locale}
        disabled={pending}
        onChange={(e) => startTransition(() => setLocaleAction(e.target.value as Locale))}
      >
        {locales.map((l) => (
          <option key={l} value={l} className="text-slate-900">
            {names[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
