import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LocaleSelect } from '@/components/console/locale-select';
import { Logo } from '@/components/console/logo';
import { setLocaleAction } from '@/app/actions/preferences';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <NextIntlClientProvider>
      <div className="flex min-h-screen flex-col bg-gradient-to-br from-slate-900 via-slate-800 to-brand-700">
        <header className="flex items-center justify-between px-8 py-5 text-white">
          <Logo />
          <LocaleSelect setLocaleAction={setLocaleAction} tone="dark" />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pt-10 pb-16">
          <div className="w-full max-w-md">{children}</div>
        </main>
        <footer className="pb-6 text-center text-xs text-slate-400">{t('tagline')}</footer>
      </div>
    </NextIntlClientProvider>
  );
}
