'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { applicantNavItems, sellerNavItems } from './nav-items';

export function SellerNav({ isSeller }: { isSeller: boolean }) {
  const t = useTranslations('seller.nav');
  const pathname = usePathname();
  const items = isSeller ? sellerNavItems : applicantNavItems;
  return (
    <nav className="px-3 py-5" aria-label={t('label')}>
      <ul className="space-y-0.5">
        {items.map((item) => {
          const active = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`flex items-center rounded-md px-3 py-2 text-sm ${active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
