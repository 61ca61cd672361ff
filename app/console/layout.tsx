import { NextIntlClientProvider } from 'next-intl';
import { Toaster } from '@/components/ui/toaster';
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/console/account-menu';
import { LocaleSelect } from '@/components/console/locale-select';
import { NotificationBell } from '@/components/console/notification-bell';
import { Logo } from '@/components/console/logo';
import { RegionSelect } from '@/components/console/region-select';
import { NavDrawer } from '@/components/console/nav-drawer';
import { SideNav } from '@/components/console/side-nav';
import { requireSession } from '@/lib/auth/session';
import { formatFen } from '@/lib/domain/money';
import { unreadCount } from '@/lib/services/notifications';
import { walletBalance } from '@/lib/services/wallet';
import { listRegions } from '@/lib/services/catalogue';
import { setLocaleAction, setRegionAction } from '@/app/actions/preferences';
import { signOutAction } from '@/app/(auth)/actions';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { actor, user } = await requireSession();
  const regions = (await listRegions()).map((r) => r.id);
  return (
    <NextIntlClientProvider>
      <div className="flex min-h-screen flex-col">
        <header className="sticky top-0 z-40 flex h-14 items-center justify-between gap-2 bg-slate-900 px-3 text-white sm:gap-4 sm:px-5">
          <div className="flex min-w-0 items-center gap-2 sm:gap-6">
            <NavDrawer>
              <SideNav />
            </NavDrawer>
            <Logo href="/console/instances" />
            <RegionSelect regions={regions} current={user.regionId} setRegionAction={setRegionAction} />
          </div>
          <div className="flex shrink-0 items-center gap-1 sm:gap-4">
            <LocaleSelect setLocaleAction={setLocaleAction} />
            <NotificationBell unread={await unreadCount(actor)} />
            <AccountMenu name={user.name} email={user.email} accountId={actor.accountId} balance={formatFen(await walletBalance(actor))} isAdmin={actor.roles.includes('admin')} signOutAction={signOutAction} />
          </div>
        </header>
        <div className="flex flex-1">
          <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
            <SideNav />
          </aside>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-8">{children}</main>
        </div>
      </div>
      <Toaster />
    </NextIntlClientProvider>
  );
}
