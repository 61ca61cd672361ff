'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { adminNavGroups, type AdminCount } from './nav-items';

export function AdminNav({ counts }: { counts: Partial<Record<AdminCount, number>> }) {
  const t = useTranslations('admin.nav');
  const pathname = usePathname();
  return (
    <nav className="space-y-6 px-3 py-5" aria-label={t('label')}>
      {adminNavGroups.map((group) => (
        <div key={group.label}>
          <p className="px-3 pb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-400">{t(group.label)}</p>
          <ul className="space-y-0.5">
            {group.items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              const count = item.count ? (counts[item.count] ?? 0) : 0;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    className={`flex items-center justify-between rounded-md px-3 py-2 text-sm ${active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`}
                  >
                    {t(item.label)}
                    {count > 0 && (
                      <span className="rounded-full bg-amber-500 px-2 py-0.5 text-xs font-semibold text-white" data-testid={`nav-count-${item.count}`}>
                        <span aria-hidden>{count}</span>
                        <span className="sr-only">{t('pendingCount', { count })}</span>
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
