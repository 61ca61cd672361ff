import { NextIntlClientProvider } from 'next-intl';
import { Toaster } from '@/components/ui/toaster';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { areaTitle } from '@/i18n/page-title';
import { AreaShell } from '@/components/console/area-shell';
import { AdminNav } from '@/components/admin/admin-nav';
import { pendingListingCount } from '@/lib/services/listing-review';
import { pendingRefundCount } from '@/lib/services/refunds';
import { pendingApplicationCount } from '@/lib/services/seller-applications';
import { requireAdmin } from './require-admin';
import { setLocaleAction } from '@/app/actions/preferences';
import { signOutAction } from '@/app/(auth)/actions';

export const generateMetadata = () => areaTitle('admin');

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor, user } = await requireAdmin();
  const t = await getTranslations('admin.shell');
  return (
    <NextIntlClientProvider>
      <AreaShell setLocaleAction={setLocaleAction} signOutAction={signOutAction} tone="admin" home="/admin/refunds" label={t('label')} backLabel={t('backToConsole')} actor={actor} user={user} nav={<AdminNav counts={{ refunds: await pendingRefundCount(actor), listings: await pendingListingCount(actor), sellerApplications: await pendingApplicationCount(actor) }} />}>
        {children}
      </AreaShell>
      <Toaster />
    </NextIntlClientProvider>
  );
}
