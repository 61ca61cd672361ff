'use client';

import { useTranslations } from 'next-intl';
import { NavLink } from './nav-link';
import { navGroups } from './nav-items';

export function SideNav() {
  const t = useTranslations('nav');
  return (
    <nav className="space-y-6 px-3 py-5" aria-label={t('label')}>
      {navGroups.map((group) => (
        <div key={group.label}>
          <p className="px-3 pb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{t(group.label)}</p>
          <ul className="space-y-0.5">
            {group.items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
