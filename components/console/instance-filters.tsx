'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { instanceStatuses } from '@/lib/domain/instances';

export function InstanceFilters({ regions }: { regions: string[] }) {
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
  const select = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-slate-600">{t('instances.filterStatus')}</span>
        <select className={select} value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('instances.activeStatuses')}</option>
          {instanceStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <span className="text-slate-600">{t('instances.filterRegion')}</span>
        <select className={select} value={params.get('region') ?? ''} onChange={(e) => set('region', e.target.value)}>
          <option value="">{t('instances.allRegions')}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {t(`regions.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <span className="text-slate-600">{t('instances.sort')}</span>
        <select className={select} value={params.get('sort') ?? 'newest'} onChange={(e) => set('sort', e.target.value === 'newest' ? '' : e.target.value)}>
          <option value="newest">{t('instances.newest')}</option>
          <option value="oldest">{t('instances.oldest')}</option>
        </select>
      </label>
    </div>
  );
}
