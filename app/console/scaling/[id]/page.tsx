import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/console/confirm-button';
import { LicensePoolPanel } from '@/components/console/license-pool-panel';
import { ScalingDesiredForm } from '@/components/console/scaling-desired-form';
import { ScalingScheduleForm } from '@/components/console/scaling-schedule-form';
import { DetailList } from '@/components/ui/detail-list';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table } from '@/components/ui/table';
import { requireSession } from '@/lib/auth/session';
import { messageKeyOf, type CloudErrorCode } from '@/lib/domain/errors';
import type { InstanceStatus } from '@/lib/domain/instances';
import { formatFen } from '@/lib/domain/money';
import { getScalingGroup } from '@/lib/services/scaling-groups';
import { orNotFound } from '../../or-not-found';
import { buyOnScaleOutAction, deleteGroupAction, reserveAction, reserveQuoteAction, scheduleAction, setDesiredAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('scalingGroup');

export default async function ScalingGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSession();
  const groupId = (await params).id;
  const { group, members, pool, productCode, hourly, activities, schedules } = await orNotFound(async () => await getScalingGroup(actor, groupId), 'InvalidScalingGroupId.NotFound');
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'medium' });
  const te = await getTranslations('errors');
  const reason = (code: string | null, params: Record<string, string | number> | null) => (code ? te(messageKeyOf(code as CloudErrorCode) as never, (params ?? {}) as never) : '');
  const lastFailure = group.failingCode ? activities.find((a) => a.result === 'failed') : undefined;
  const region = t(`regions.${group.regionId}` as never);
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader
        title={group.name}
        subtitle={t('scaling.detailSubtitle', { region, image: group.imageId })}
        action={<ConfirmButton label={t('scaling.delete')} confirm={t('scaling.confirmDelete', { name: group.name })} run={deleteGroupAction.bind(null, group.id)} after="/console/scaling" />}
      />
      {lastFailure && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="scaling-failing">
          {t('scaling.failingBanner', { reason: reason(lastFailure.reasonCode, lastFailure.reasonParams) })}
        </div>
      )}
      <DetailList
        fields={[
          [t('scaling.facts.id'), <span key="id" className="font-mono">{group.id}</span>],
          [t('scaling.facts.image'), <span key="image" className="font-mono">{group.imageId}{productCode ? ` (${productCode})` : ''}</span>],
          [t('scaling.facts.instanceType'), group.instanceTypeId],
          [t('scaling.facts.sizes'), <span key="sizes" data-testid="group-sizes">{`${group.minSize} / ${group.desired} / ${group.maxSize}`}</span>],
          [t('scaling.facts.removal'), t(`scaling.removal.${group.removalPolicy as 'oldest' | 'newest'}`)],
          ...(productCode
            ? ([
                [t('scaling.facts.licenses'), group.licenseMode === 'reserve' ? t('scaling.modeReserve') : t('scaling.modeBuy')],
                [t('scaling.facts.spent'), <span key="spent" data-testid="group-spent">{t('scaling.capValue', { spent: formatFen(group.spentFen), cap: formatFen(group.spendingCapFen) })}</span>],
              ] as [string, React.ReactNode][])
            : []),
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ScalingDesiredForm key={group.desired} desired={group.desired} min={group.minSize} max={group.maxSize} setAction={setDesiredAction.bind(null, group.id)} />
      </section>
      {pool && productCode && (
        <LicensePoolPanel
          pool={pool}
          productCode={productCode}
          regionName={region}
          mode={group.licenseMode}
          hourly={hourly}
          capFen={group.spendingCapFen}
          quoteAction={reserveQuoteAction.bind(null, group.id)}
          reserveAction={reserveAction.bind(null, group.id)}
          buyModeAction={buyOnScaleOutAction.bind(null, group.id)}
        />
      )}
      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t('scaling.membersTitle')}</h2>
        {members.length === 0 ? (
          <p className="text-sm text-slate-500">{t('scaling.noMembers')}</p>
        ) : (
          <Table columns={[{ label: t('scaling.name') }, { label: t('scaling.status') }, { label: t('scaling.joined') }]}>
            {members.map((m) => (
              <tr key={m.instanceId} data-member={m.instanceId}>
                <td className="px-4 py-3">
                  <Link href={`/console/instances/${m.instanceId}`} className="font-medium text-brand-600 hover:underline">
                    {m.name}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{m.instanceId}</div>
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={m.status as InstanceStatus} />
                </td>
                <td className="px-4 py-3 text-slate-600">{when(m.joinedAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="schedule-title">
        <div>
          <h2 id="schedule-title" className="text-base font-semibold">
            {t('scaling.schedule.title')}
          </h2>
          <p className="text-sm text-slate-600">{t('scaling.schedule.hint')}</p>
        </div>
        {schedules.length === 0 ? (
          <p className="text-sm text-slate-500">{t('scaling.schedule.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {schedules.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2" data-schedule={s.doneAt ? 'done' : 'waiting'}>
                <span>
                  {when(s.runAt)} · {t('scaling.schedule.row', { desired: s.desired })}
                </span>
                <span className="text-slate-500">{s.doneAt ? t('scaling.schedule.done', { at: when(s.doneAt) }) : t('scaling.schedule.pending')}</span>
              </li>
            ))}
          </ul>
        )}
        <ScalingScheduleForm max={group.maxSize} scheduleAction={scheduleAction.bind(null, group.id)} />
      </section>
      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t('scaling.activitiesTitle')}</h2>
        {activities.length === 0 ? (
          <p className="text-sm text-slate-500">{t('scaling.noActivities')}</p>
        ) : (
          <Table columns={[{ label: t('scaling.time') }, { label: t('scaling.cause') }, { label: t('scaling.change') }, { label: t('scaling.result') }, { label: t('scaling.capacity') }, { label: t('scaling.reason') }]}>
            {activities.map((a) => (
              <tr key={a.id} data-activity={a.result}>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{when(a.at)}</td>
                <td className="px-4 py-3">{t(`scaling.causes.${a.cause as 'desired' | 'schedule' | 'health'}`)}</td>
                <td className="px-4 py-3 tabular-nums">{t('scaling.changeValue', { change: a.change, sign: a.change > 0 ? '+' : '−', abs: Math.abs(a.change) })}</td>
                <td className={`px-4 py-3 font-medium ${a.result === 'ok' ? 'text-emerald-700' : 'text-red-700'}`}>{t(`scaling.results.${a.result as 'ok' | 'failed'}`)}</td>
                <td className="px-4 py-3 tabular-nums">{a.capacity}</td>
                <td className="px-4 py-3 text-slate-600">{reason(a.reasonCode, a.reasonParams)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
