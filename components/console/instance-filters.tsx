'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { instanceStatuses } from '@/lib/domain/instances';

/** The status filter of the instance list; the region is the header's, the sort the columns'. */
export function InstanceFilters() {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    next.delete('launched');
    router.push(`${pathname}?${next}`);
  };
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">{t('instances.filterStatus')}</span>
      <select className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
        <option value="">{t('instances.activeStatuses')}</option>
        {instanceStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
