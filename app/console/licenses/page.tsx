import { PageHeader } from '@/components/ui/page-header';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { Table } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requireSession } from '@/lib/auth/session';
import { listLicenses } from '@/lib/services/licenses';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('licenses');

export default async function LicensesPage() {
  const { actor } = await requireSession();
  const t = await getTranslations();
  const groups = await listLicenses(actor);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t('licenses.title')}
        subtitle={t('licenses.subtitle')}
        action={
          <ButtonLink href="/marketplace" variant="secondary">
            {t('licenses.browse')}
          </ButtonLink>
        }
      />
      {groups.length === 0 ? (
        <EmptyState title={t('licenses.emptyTitle')} body={t('licenses.emptyBody')} action={<ButtonLink href="/marketplace">{t('licenses.browse')}</ButtonLink>} />
      ) : (
        <Table columns={[{ label: t('licenses.product') }, { label: t('licenses.region') }, { label: t('licenses.available') }, { label: t('licenses.inUse') }, { label: t('licenses.total') }]}>
          {groups.map((g) => (
            <tr key={`${g.productCode}/${g.regionId}`} data-license-group={`${g.productCode}/${g.regionId}`} className="align-top">
              <td className="px-4 py-3">
                <Link href={`/marketplace/products/${g.productCode}`} className="font-medium text-brand-600 hover:underline">
                  {g.title}
                </Link>
                <div className="font-mono text-xs text-slate-500">
                  {g.productCode}
                  {g.productStatus === 'delisted' && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 font-sans text-amber-700">{t('licenses.delisted')}</span>}
                </div>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{t(`regions.${g.regionId}`)}</td>
              <td className="px-4 py-3" data-testid="available">
                {g.available}
              </td>
              <td className="px-4 py-3">
                {g.inUse.length === 0 ? (
                  <span className="text-slate-400">0</span>
                ) : (
                  <ul className="space-y-1">
                    {g.inUse.map((u) => (
                      <li key={u.licenseId}>
                        <Link href={`/console/instances/${u.instanceId}`} className="font-mono text-xs whitespace-nowrap text-brand-600 hover:underline">
                          {u.instanceId}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-4 py-3">{g.total}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
