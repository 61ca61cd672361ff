import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { LocaleSelect } from '@/components/console/locale-select';
import { Logo } from '@/components/console/logo';
import { HeaderSearch } from '@/components/marketplace/header-search';
import { buttonClass } from '@/components/ui/button';
import { currentSession } from '@/lib/auth/session';
import { categories } from '@/lib/domain/marketplace';
import { setLocaleAction } from '@/app/actions/preferences';

export async function generateMetadata() {
  const t = await getTranslations('marketplace.meta');
  return { title: { default: t('home'), template: '%s · Stratus' }, description: t('description') };
}

const footerColumns = [
  { title: 'browse', links: [['allProducts', '/marketplace/search'], ['newest', '/marketplace/search?sort=newest'], ['free', '/marketplace/search?pricing=free']] },
  { title: 'forBuyers', links: [['console', '/console/instances'], ['licenses', '/console/licenses'], ['orders', '/console/orders']] },
] as const;

/** The namespaces the marketplace's client components use: every page carries them, not the whole catalogue. */
const clientNamespaces = ['common', 'marketplace', 'regions'] as const;

export default async function MarketplaceLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  const t = await getTranslations('marketplace');
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={Object.fromEntries(clientNamespaces.map((n) => [n, messages[n]]))}>
      <div className="flex min-h-screen flex-col">
        <header className="sticky top-0 z-40 bg-slate-900 text-white shadow-sm">
          <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
            <div className="flex shrink-0 items-center gap-3">
              <Logo href="/marketplace" />
              <span className="hidden border-l border-white/20 pl-3 text-sm text-slate-300 sm:inline">{t('title')}</span>
            </div>
            <Suspense>
              <HeaderSearch id="header-q" className="mx-auto hidden w-full max-w-xl md:block" />
            </Suspense>
            <nav className="ml-auto flex shrink-0 items-center gap-1.5 text-sm sm:gap-3">
              <LocaleSelect setLocaleAction={setLocaleAction} />
              {session ? (
                <Link href="/console/instances" className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-slate-800">
                  <span className="flex size-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold" aria-hidden>
                    {session.user.name.slice(0, 1).toUpperCase()}
                  </span>
                  <span className="hidden leading-tight lg:block">
                    <span className="block max-w-40 truncate text-xs text-slate-400">{session.user.name}</span>
                    <span className="block font-medium">{t('nav.console')}</span>
                  </span>
                  <span className="lg:hidden">{t('nav.console')}</span>
                </Link>
              ) : (
                <>
                  <Link href="/sign-in" className="rounded-md px-2 py-1 font-medium text-slate-200 hover:bg-slate-800 hover:text-white">
                    {t('nav.signIn')}
                  </Link>
                  <Link href="/sign-up" className={buttonClass('primary', 'sm')}>
                    {t('nav.signUp')}
                  </Link>
                </>
              )}
            </nav>
          </div>
        </header>
        <nav aria-label={t('nav.categoriesLabel')} className="border-b border-slate-200 bg-white">
          <ul className="mx-auto flex max-w-7xl overflow-x-auto px-2 py-1.5 text-sm whitespace-nowrap sm:px-4">
            <li>
              <Link href="/marketplace/search" className="block rounded-md px-2 py-1.5 font-medium text-slate-800 hover:bg-slate-100">
                {t('nav.allProducts')}
              </Link>
            </li>
            {categories.map((c) => (
              <li key={c}>
                <Link href={`/marketplace/search?category=${c}`} className="block rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                  {t(`categories.${c}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Suspense>
          <HeaderSearch id="header-q-small" className="border-b border-slate-200 bg-white px-4 py-2 md:hidden" />
        </Suspense>
        <main className="flex-1">{children}</main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 text-sm sm:grid-cols-2 sm:px-6 lg:grid-cols-4">
            <div className="space-y-3 lg:col-span-2">
              <Logo href="/marketplace" />
              <p className="max-w-sm text-slate-600">{t('footer.tagline')}</p>
            </div>
            {footerColumns.map((column) => (
              <div key={column.title}>
                <h2 className="font-semibold text-slate-900">{t(`footer.${column.title}`)}</h2>
                <ul className="mt-3 space-y-2 text-slate-600">
                  {column.links.map(([label, href]) => (
                    <li key={href}>
                      <Link href={href} className="hover:text-brand-600">
                        {t(`footer.${label}`)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <div className="border-t border-slate-100">
            <p className="mx-auto max-w-7xl px-4 py-4 text-xs text-slate-500 sm:px-6">{t('footer.note')}</p>
          </div>
        </footer>
      </div>
    </NextIntlClientProvider>
  );
}
