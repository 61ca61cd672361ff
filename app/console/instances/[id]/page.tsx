import { DetailList, type Detail } from '@/components/ui/detail-list';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { InstanceActions } from '@/components/console/instance-actions';
import { InstanceDiskActions } from '@/components/console/instance-disk-actions';
import { FrozenNotice } from '@/components/console/frozen-notice';
import { PendingWatcher } from '@/components/console/pending-watcher';
import { RenameInstance } from '@/components/console/rename-instance';
import { RenewForm } from '@/components/console/renew-form';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireSession } from '@/lib/auth/session';
import type { InstanceStatus } from '@/lib/domain/instances';
import { formatFen } from '@/lib/domain/money';
import { listLaunchableImages } from '@/lib/services/catalogue';
import { freezeNote } from '@/lib/services/freezes';
import { getInstance } from '@/lib/services/instances';
import { orNotFound } from '../../or-not-found';
import { versionImagesOf } from '@/lib/services/marketplace';
import { marketplaceLaunchPage } from '@/lib/services/launch-wizard';
import { createImageAction } from '../../images/actions';
import { instanceAction, marketplacePageAction, pendingCountAction, reinitDiskAction, renameInstanceAction, renewAction, renewQuoteAction, replaceDiskAction } from '../actions';
import { CopyableId } from '@/components/ui/copy-button';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('instance');

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSession();
  const { id } = await params;
  // Another account's instance is indistinguishable from one that never existed.
  const instance = await orNotFound(async () => await getInstance(actor, id), 'InvalidInstanceId.NotFound');
  const t = await getTranslations();
  const format = await getFormatter();
  const status = instance.status as InstanceStatus;
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'medium' });
  const fields: Detail[] = [
    [t('instances.fieldId'), <code key="id">{instance.id}</code>],
    [t('instances.fieldRegion'), t(`regions.${instance.regionId}`)],
    [t('instances.fieldType'), `${instance.instanceTypeId} · ${t('instances.specs', { vcpu: instance.vcpu, memory: instance.memoryGib })}`],
    [
      t('instances.fieldImage'),
      <Link key="image" href={`/console/images/${instance.imageId}`} className="text-brand-600 hover:underline">
        {instance.imageName} (<code>{instance.imageId}</code>)
      </Link>,
    ],
    [t('instances.fieldBilling'), `${t(instance.billing === 'subscription' ? 'instances.billingSubscription' : 'instances.billingPayg')} · ${t('common.perHour', { price: formatFen(instance.hourlyPriceFen) })}`],
    [t('instances.fieldCreated'), when(instance.createdAt)],
  ];
  if (instance.releasedAt) fields.push([t('instances.fieldReleased'), when(instance.releasedAt)]);
  if (instance.statusReason) fields.push([t('instances.fieldStatusReason'), t.has(`instances.reasons.${instance.statusReason}`) ? t(`instances.reasons.${instance.statusReason}`) : instance.statusReason]);
  if (instance.expiresAt) fields.push([t('instances.fieldExpires'), when(instance.expiresAt)]);
  if (instance.licenseId) {
    fields.push([
      t('instances.fieldLicense'),
      <span key="license">
        <code>{instance.licenseId}</code> ·{' '}
        <Link href={`/marketplace/products/${instance.productCode}`} className="text-brand-600 hover:underline">
          {instance.productCode}
        </Link>
      </span>,
    ]);
  }
  const live = status !== 'Released';
  const frozen = status === 'Frozen';
  const choices = live
    ? [
        ...(await listLaunchableImages(actor, instance.regionId)).map((i) => ({ id: i.id, label: i.kind === 'system' ? i.description || i.name : i.name, group: i.kind === 'system' ? ('system' as const) : ('self' as const), productCode: i.productCode })),
        // MKT-6: every version of the instance's own product; other products a page at a time (issue 13).
        ...(instance.productCode ? await versionImagesOf(instance.regionId, instance.productCode) : []).map((i) => ({ id: i.id, label: `${i.productTitle} (${i.productVersion})`, group: 'marketplace' as const, productCode: i.productCode })),
      ].filter((i) => i.id !== instance.imageId)
    : [];

  return (
    <div className="max-w-4xl space-y-5">
      <Link href="/console/instances" className="text-sm text-brand-600 hover:underline">
        ← {t('instances.backToList')}
      </Link>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            <span className="min-w-0 break-all">{instance.name}</span> <StatusBadge status={status} />
          </h1>
          <CopyableId id={instance.id} label={t('copy.instanceId')} className="text-sm" />
        </div>
        <div className="flex flex-wrap items-start justify-end gap-2">
          {live && <RenameInstance name={instance.name} renameAction={renameInstanceAction.bind(null, instance.id)} />}
          <InstanceActions id={instance.id} name={instance.name} status={status} afterRelease="/console/instances" instanceAction={instanceAction} />
        </div>
      </div>
      {frozen && <FrozenNotice instanceId={instance.id} reason={instance.statusReason} note={await freezeNote(actor, instance.id)} />}
      <PendingWatcher pending={status === 'Pending' ? 1 : 0} pendingCountAction={pendingCountAction} />
      {live && instance.billing === 'subscription' && instance.subscriptionModel && <RenewForm renewAction={renewAction.bind(null, instance.id)} quoteAction={renewQuoteAction.bind(null, instance.id)} model={instance.subscriptionModel} />}
      {/* A frozen instance can change nothing: the notice above says what the owner can do instead. */}
      {live && !frozen && <InstanceDiskActions instance={{ id: instance.id, name: instance.name, status, productCode: instance.productCode, regionId: instance.regionId, imageId: instance.imageId }} images={choices} marketplace={await marketplaceLaunchPage(actor, { regionId: instance.regionId })} actions={{ createImageAction, replaceDiskAction, reinitDiskAction, marketplacePageAction }} />}
      <DetailList fields={fields} />
    </div>
  );
}
