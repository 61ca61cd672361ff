import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Stratus', template: '%s · Stratus' },
  description: 'Cloud image marketplace and ECS console',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Each area's layout gives its client components their messages: the marketplace only the few it uses. */}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
