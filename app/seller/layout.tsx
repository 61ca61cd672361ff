import { NextIntlClientProvider } from 'next-intl';
import { Toaster } from '@/components/ui/toaster';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { areaTitle } from '@/i18n/page-title';
import { AreaShell } from '@/components/console/area-shell';
import { NotificationBell } from '@/components/console/notification-bell';
import { SellerNav } from '@/components/seller/seller-nav';
import { requireSession } from '@/lib/auth/session';
import { unreadCount } from '@/lib/services/notifications';
import { setLocaleAction } from '@/app/actions/preferences';
import { signOutAction } from '@/app/(auth)/actions';

export const generateMetadata = () => areaTitle('sellerCentre');

export default async function SellerLayout({ children }: { children: ReactNode }) {
  const { actor, user } = await requireSession();
  const t = await getTranslations('seller.shell');
  const isSeller = actor.roles.includes('seller');
  return (
    <NextIntlClientProvider>
      <AreaShell setLocaleAction={setLocaleAction} signOutAction={signOutAction} tone="seller" home={isSeller ? '/seller' : '/seller/apply'} label={t('label')} backLabel={t('backToConsole')} actor={actor} user={user} nav={<SellerNav isSeller={isSeller} />} headerExtra={<NotificationBell unread={await unreadCount(actor)} />}>
        {children}
      </AreaShell>
      <Toaster />
    </NextIntlClientProvider>
  );
}
