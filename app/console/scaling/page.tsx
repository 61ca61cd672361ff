import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requireSession } from '@/lib/auth/session';
import { describeScalingGroups } from '@/lib/services/scaling-groups';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('scalingGroups');

export default async function ScalingGroupsPage() {
  const { actor, user } = await requireSession();
  const t = await getTranslations('scaling');
  const tr = await getTranslations('regions');
  const format = await getFormatter();
  const { items } = await describeScalingGroups(actor, { regionId: user.regionId, pageSize: 100 });
  const create = <ButtonLink href="/console/scaling/new">{t('create')}</ButtonLink>;
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle', { region: tr(user.regionId as never) })} action={create} />
      {items.length === 0 ? (
        <EmptyState title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <Table columns={[{ label: t('name') }, { label: t('instanceType') }, { label: t('sizes') }, { label: t('members') }, { label: t('created') }]}>
          {items.map((g) => (
            <tr key={g.id} data-group={g.name}>
              <td className="px-4 py-3">
                <Link href={`/console/scaling/${g.id}`} className="font-medium text-brand-600 hover:underline">
                  {g.name}
                </Link>
                <div className="font-mono text-xs text-slate-500">{g.id}</div>
                {g.failingCode && <div className="text-xs font-medium text-red-700">{t('failing')}</div>}
              </td>
              <td className="px-4 py-3">{g.instanceTypeId}</td>
              <td className="px-4 py-3 tabular-nums">
                {g.minSize} / {g.desired} / {g.maxSize}
              </td>
              <td className="px-4 py-3 tabular-nums">{g.members}</td>
              <td className="px-4 py-3 text-slate-600">{format.dateTime(g.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
