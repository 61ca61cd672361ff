'use client';

import { useTranslations } from 'next-intl';
import { NavLink } from '@/components/console/nav-link';
import { adminNavGroups, type AdminCount } from './nav-items';

export function AdminNav({ counts }: { counts: Partial<Record<AdminCount, number>> }) {
  const t = useTranslations('admin.nav');
  return (
    <nav className="space-y-6 px-3 py-5" aria-label={t('label')}>
      {adminNavGroups.map((group) => (
        <div key={group.label}>
          <p className="px-3 pb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{t(group.label)}</p>
          <ul className="space-y-0.5">
            {group.items.map((item) => {
              const count = item.count ? (counts[item.count] ?? 0) : 0;
              return (
                <li key={item.href}>
                  <NavLink href={item.href}>
                    {t(item.label)}
                    {count > 0 && (
                      <span className="rounded-full bg-amber-500 px-2 py-0.5 text-xs font-semibold text-white" data-testid={`nav-count-${item.count}`}>
                        <span aria-hidden>{count}</span>
                        <span className="sr-only">{t('pendingCount', { count })}</span>
                      </span>
                    )}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
