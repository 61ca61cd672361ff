import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ReplayButton } from '@/components/publishing/replay-button';
import { nextRetryAt } from '@/lib/domain/seller-calls';
import { getDelivery } from '@/lib/services/deliveries';
import { orNotFound } from '@/app/console/or-not-found';
import { requireSeller } from '../../../require-seller';
import { replayDeliveryAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerDelivery');

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSeller();
  const { id } = await params;
  const { delivery, attempts } = await orNotFound(async () => await getDelivery(actor, Number(id)), 'InvalidDelivery.NotFound');
  const t = await getTranslations('deliveries');
  const format = await getFormatter();
  return (
    <div className="max-w-5xl space-y-5">
      <Link href="/seller/deliveries" className="text-sm text-brand-600 hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {delivery.activity} · {t(`statuses.${delivery.status}`)}
          </h1>
          <p className="font-mono text-sm text-slate-500">
            {delivery.orderId} / {delivery.orderLineId}
            {delivery.instanceId ? ` · ${delivery.instanceId}` : ''}
          </p>
          {nextRetryAt(delivery) && <p className="mt-1 text-sm text-amber-700">{t('nextRetry', { when: format.dateTime(nextRetryAt(delivery)!, { dateStyle: 'medium', timeStyle: 'medium' }) })}</p>}
        </div>
        <ReplayButton deliveryId={delivery.id} replayAction={replayDeliveryAction} />
      </div>
      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t('body')}</h2>
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">{JSON.stringify(JSON.parse(delivery.body), null, 2)}</pre>
      </section>
      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t('attemptsTitle', { count: attempts.length })}</h2>
        {attempts.length === 0 && <p className="text-sm text-slate-600">{t('noAttempts')}</p>}
        <ol className="space-y-3">
          {attempts.map((a) => (
            <li key={a.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-verdict={a.verdict}>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span className="font-medium">{format.dateTime(a.at, { dateStyle: 'medium', timeStyle: 'medium' })}</span>
                <span className={a.verdict === 'ok' ? 'text-emerald-700' : 'text-red-700'}>{t(`verdicts.${a.verdict}`)}</span>
                <span className="text-slate-600">{t('http', { status: a.httpStatus ?? '—' })}</span>
                <span className="text-slate-600">{t('latency', { ms: a.latencyMs })}</span>
                {a.resultCode && <span className="font-mono text-xs">resultCode {a.resultCode}</span>}
                {a.keyId && <span className="font-mono text-xs text-slate-500">{a.keyId}</span>}
                {a.manual && <span className="rounded bg-slate-100 px-1.5 text-xs">{t('manual')}</span>}
              </div>
              {a.url && <p className="font-mono text-xs break-all text-slate-500">POST {a.url}</p>}
              {a.response && <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{a.response}</pre>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
