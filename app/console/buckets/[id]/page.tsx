import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConfirmButton } from '@/components/console/confirm-button';
import { Uploader } from '@/components/console/uploader';
import { ButtonLink } from '@/components/ui/button';
import { Table } from '@/components/ui/table';
import { requireSession } from '@/lib/auth/session';
import { getBucket } from '@/lib/services/storage';
import { orNotFound } from '../../or-not-found';
import { deleteObjectAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('bucket');

function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export default async function BucketPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSession();
  const bucketId = (await params).id;
  const { bucket, objects } = await orNotFound(async () => await getBucket(actor, bucketId), 'InvalidOSSBucket.NotFound');
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="max-w-5xl space-y-5">
      <Link href="/console/buckets" className="text-sm text-brand-600 hover:underline">
        ← {t('buckets.backToList')}
      </Link>
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{bucket.name}</h1>
          <p className="text-sm text-slate-600">{t(`regions.${bucket.regionId}`)}</p>
        </div>
        <ButtonLink href="/console/imports" variant="secondary">
          {t('buckets.importFromHere')}
        </ButtonLink>
      </div>
      <Uploader bucketId={bucket.id} />
      {objects.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t('buckets.noObjects')}</p>
      ) : (
        <Table columns={[{ label: t('buckets.key') }, { label: t('buckets.size'), align: 'right' }, { label: t('buckets.uploadedAt') }, { label: '', align: 'right' }]}>
          {objects.map((o) => (
            <tr key={o.id} data-object={o.key}>
              <td className="px-4 py-3 font-mono text-xs break-all">{o.key}</td>
              <td className="px-4 py-3 text-right whitespace-nowrap">{humanSize(o.sizeBytes)}</td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(o.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td className="px-4 py-3 text-right">
                <ConfirmButton label={t('buckets.deleteObject')} confirm={t('buckets.confirmDeleteObject', { name: o.key })} run={deleteObjectAction.bind(null, o.id)} done={t('toast.deleted')} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
