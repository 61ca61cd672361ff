import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { LicenseGroup } from '@/lib/services/licenses';
import { launchHref } from './links';

/** The signed-in buyer's licenses of this product, by region (MKT-4): how many are free, which instances hold the others. */
export function MyLicenses({ groups, launchImages }: { groups: LicenseGroup[]; launchImages: Record<string, string> }) {
  const t = useTranslations('marketplace');
  const tr = useTranslations('regions');
  return (
    <section aria-labelledby="my-licenses" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="my-licenses">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="my-licenses" className="text-base font-semibold">
          {t('licenses.title')}
        </h2>
        <Link href="/console/licenses" className="text-sm text-brand-600 hover:underline">
          {t('licenses.viewAll')}
        </Link>
      </div>
      {groups.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('licenses.none')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {groups.map((group) => (
            <li key={group.regionId} className="space-y-1.5 py-3 first:pt-0 last:pb-0" data-region={group.regionId}>
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium text-slate-900">{tr(group.regionId)}</span>
                {group.available > 0 && (
                  <Link href={launchHref(group.regionId, launchImages[group.regionId])} className="text-xs font-medium text-brand-600 hover:underline">
                    {t('licenses.launch')}
                  </Link>
                )}
              </div>
              <p className="flex flex-wrap gap-2 text-xs">
                <span className="rounded-full bg-emerald-50 px-2 py-0.5 font-medium text-emerald-700 ring-1 ring-emerald-200 ring-inset">{t('licenses.available', { count: group.available })}</span>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-600">{t('licenses.inUse', { count: group.inUse.length })}</span>
              </p>
              {group.inUse.length > 0 && (
                <p className="text-xs text-slate-500">
                  {t('licenses.usedBy')}:{' '}
                  {group.inUse.map((u, i) => (
                    <span key={u.licenseId}>
                      {i > 0 && ', '}
                      <Link href={`/console/instances/${u.instanceId}`} className="font-mono text-brand-600 hover:underline">
                        {u.instanceId}
                      </Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
