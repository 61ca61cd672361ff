'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';

export function RegionSelect({ regions, current, setRegionAction }: { regions: string[]; current: string; setRegionAction: (regionId: string) => Promise<unknown> }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // Issue 16: a list's region is in its URL (?region=); the selector shows it and, changed, moves it.
  const inUrl = params.get('region');
  const shown = inUrl && regions.includes(inUrl) ? inUrl : current;
  const choose = (regionId: string) =>
    startTransition(async () => {
      await setRegionAction(regionId);
      if (!inUrl) return;
      const next = new URLSearchParams(params);
      next.set('region', regionId);
      next.delete('page');
      router.replace(`${pathname}?${next}`);
    });
  return (
    <label className="flex items-center gap-2 text-sm text-slate-300">
      <svg viewBox="0 0 20 20" className="hidden size-4 sm:block" fill="currentColor" aria-hidden>
        <path d="M10 2a6 6 0 0 0-6 6c0 4.5 6 10 6 10s6-5.5 6-10a6 6 0 0 0-6-6Zm0 8.5A2.5 2.5 0 1 1 10 5.5a2.5 2.5 0 0 1 0 5Z" />
      </svg>
      <select
        aria-label={t('common.region')}
        className="max-w-[8rem] rounded-md border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-slate-100 sm:max-w-none"
        value={shown}
        disabled={pending}
        onChange={(e) => choose(e.target.value)}
      >
        {regions.map((id) => (
          <option key={id} value={id}>
            {t(`regions.${id}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
