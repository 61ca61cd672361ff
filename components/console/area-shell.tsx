// The frame of the seller centre and the admin console: a header naming the area, with the way
// back to the console and the account menu, the area's navigation, and the page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/console/account-menu';
import { LocaleSelect } from '@/components/console/locale-select';
import { Logo } from '@/components/console/logo';
import { NavDrawer } from '@/components/console/nav-drawer';
import type { Actor } from '@/lib/domain/actor';
import { formatFen } from '@/lib/domain/money';
import type { SignedInUser } from '@/lib/services/accounts';
import { walletBalance } from '@/lib/services/wallet';
import type { Locale } from '@/i18n/locales';

const tones = {
  admin: { header: 'bg-slate-950', badge: 'bg-amber-400/15 text-amber-300 ring-amber-400/30' },
  seller: { header: 'bg-slate-900', badge: 'bg-brand-500/15 text-brand-100 ring-brand-500/40' },
};

export async function AreaShell(props: { tone: keyof typeof tones; home: string; label: string; backLabel: string; actor: Actor; user: SignedInUser; nav: ReactNode; headerExtra?: ReactNode; children: ReactNode; setLocaleAction: (locale: Locale) => Promise<void>; signOutAction: () => Promise<void> }) {
  const { actor, user } = props;
  const tone = tones[props.tone];
  return (
    <div className="flex min-h-screen flex-col">
      <header className={`sticky top-0 z-40 flex h-14 items-center justify-between gap-2 px-3 text-white sm:gap-4 sm:px-5 ${tone.header}`}>
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">
          <NavDrawer>{props.nav}</NavDrawer>
          <Logo href={props.home} />
          {/* On a phone the badge gives way to the way back. */}
          <span className={`hidden rounded-md px-2 py-0.5 text-xs font-semibold tracking-wide uppercase ring-1 ring-inset sm:inline ${tone.badge}`}>{props.label}</span>
        </div>
        <div className="flex shrink-0 items-center gap-2 sm:gap-4">
          <LocaleSelect setLocaleAction={props.setLocaleAction} />
          <Link href="/console/instances" className="rounded-md px-2 py-1 text-sm whitespace-nowrap text-slate-300 hover:bg-slate-800 hover:text-white">
            {props.backLabel}
          </Link>
          {props.headerExtra}
          <AccountMenu name={user.name} email={user.email} accountId={actor.accountId} balance={formatFen(await walletBalance(actor))} isAdmin={actor.roles.includes('admin')} signOutAction={props.signOutAction} />
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">{props.nav}</aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-8">{props.children}</main>
      </div>
    </div>
  );
}
