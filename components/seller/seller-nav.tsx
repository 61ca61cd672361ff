'use client';

import { useTranslations } from 'next-intl';
import { NavLink } from '@/components/console/nav-link';
import { applicantNavItems, sellerNavItems } from './nav-items';

export function SellerNav({ isSeller }: { isSeller: boolean }) {
  const t = useTranslations('seller.nav');
  const items = isSeller ? sellerNavItems : applicantNavItems;
  return (
    <nav className="px-3 py-5" aria-label={t('label')}>
      <ul className="space-y-0.5">
        {items.map((item) => {
          return (
            <li key={item.href}>
              <NavLink href={item.href} exact={item.exact}>
                {t(item.label)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
