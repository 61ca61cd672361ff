import { DetailList, type Detail } from '@/components/ui/detail-list';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ConfirmButton } from '@/components/console/confirm-button';
import { InvoiceForm } from '@/components/console/invoice-form';
import { RefundRequestForm } from '@/components/console/refund-request-form';
import { requireSession } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { formatFen } from '@/lib/domain/money';
import { getOrder } from '@/lib/services/refunds';
import { orNotFound } from '../../or-not-found';
import { issueInvoiceAction, requestRefundAction, voidInvoiceAction } from '../actions';
import { CopyButton } from '@/components/ui/copy-button';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('order');

function Fact({ label, ok, children }: { label: string; ok: boolean; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[1.25rem_1fr] gap-x-2 text-sm sm:grid-cols-[1.25rem_16rem_1fr]">
      <span aria-hidden className={ok ? 'text-emerald-600' : 'text-red-600'}>
        {ok ? '✓' : '✕'}
      </span>
      <span className="text-slate-500">{label}</span>
      <span className="col-start-2 sm:col-start-3">{children}</span>
    </div>
  );
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requireSession();
  const { id } = await params;
  const { order, title, eligibility: e, requests, invoice, licenses } = await orNotFound(async () => await getOrder(actor, id), 'InvalidOrderId.NotFound');
  const t = await getTranslations('orders');
  const tr = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const leftMs = e.windowEndsAt.getTime() - clock.now().getTime();
  const left =
    leftMs >= 86_400_000
      ? t('time.days', { days: Math.floor(leftMs / 86_400_000), hours: Math.floor((leftMs % 86_400_000) / 3_600_000) })
      : t('time.hours', { hours: Math.floor(leftMs / 3_600_000), minutes: Math.floor((leftMs % 3_600_000) / 60_000) });
  const renewal = e.unstartedRenewal;
  const pending = requests.some((r) => r.status === 'pending');

  const fields: Detail[] = [
    [t('fieldProduct'), <Link key="p" href={`/marketplace/products/${order.productCode}`} className="text-brand-600 hover:underline">{title}</Link>],
    [t('fieldKind'), `${t(`kinds.${order.kind}`)} · ${t(`models.${order.pricingModel}`)}`],
    [t('region'), tr(`regions.${order.regionId}`)],
    [t('quantity'), order.quantity],
    [t('amount'), order.pricingModel === 'hourly' ? t('meteredHourly') : formatFen(order.amountFen)],
    [t('status'), t(`statuses.${order.status}`)],
    [t('fieldPaidAt'), when(order.createdAt)],
  ];
  if (order.termStartsAt) fields.push([t('fieldTerm'), when(order.termStartsAt)]);

  return (
    <div className="max-w-4xl space-y-5">
      <Link href="/console/orders" className="text-sm text-brand-600 hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold">{t('detailTitle', { orderId: order.id })}</h1>
        <CopyButton value={order.id} label={tr('copy.orderId')} />
      </div>
      <DetailList fields={fields} />

      {licenses.length > 0 && (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">{t('licensesTitle')}</h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {licenses.map((l) => (
              <li key={l.id} className="flex flex-wrap justify-between gap-2 py-2">
                <code className="text-xs">{l.id}</code>
                <span>{t(`licenseStatuses.${l.status}`)}</span>
                <span className="text-slate-500">{l.firstDeployedAt ? t('licenseDeployed', { when: when(l.firstDeployedAt) }) : t('licenseNeverDeployed')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="refund-title" data-testid="refund-panel">
        <div className="flex items-center justify-between">
          <h2 id="refund-title" className="text-base font-semibold">
            {t('refundTitle')}
          </h2>
          {order.status === 'paid' && (
            <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${e.eligible ? 'bg-emerald-50 text-emerald-700' : 'bg-red-50 text-red-700'}`}>{e.eligible ? t('eligible') : t('notEligible')}</span>
          )}
        </div>
        {order.status === 'paid' && (
          <div className="space-y-2">
            <Fact label={t('factWindow')} ok={!e.reasons.includes('windowClosed')}>
              {renewal ? t('windowRenewal') : leftMs > 0 ? t('windowLeft', { time: left, until: when(e.windowEndsAt) }) : t('windowClosed', { until: when(e.windowEndsAt) })}
            </Fact>
            <Fact label={t('factDeployed')} ok={!e.deployed}>
              {e.deployed ? t('deployedYes') : t('deployedNo')}
            </Fact>
            <Fact label={t('factRefundsLeft')} ok={!e.reasons.includes('yearlyLimit')}>
              {e.countsTowardLimit ? t('refundsLeft', { left: e.refundsLeft, limit: e.refundsPerYear }) : t('refundsNotCounted', { left: e.refundsLeft, limit: e.refundsPerYear })}
            </Fact>
            <Fact label={t('factInvoice')} ok={!e.invoiceIssued}>
              {e.invoiceIssued ? t('invoiceIssued') : t('invoiceNone')}
            </Fact>
          </div>
        )}
        {requests.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t('requestsTitle')}</h3>
            <ul className="space-y-2">
              {requests.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 px-3 py-2 text-sm" data-testid="refund-request">
                  <p className="font-medium">{t(`requestStatuses.${r.status}`)}</p>
                  <p className="text-slate-600">
                    {t('requestedAt', { when: when(r.requestedAt) })} · “{r.reason}”
                  </p>
                  {r.decisionNote && <p className="text-slate-600">{t('decisionNote', { note: r.decisionNote })}</p>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {order.status === 'paid' && e.eligible && !pending && <RefundRequestForm requestAction={requestRefundAction.bind(null, order.id)} />}
      </section>

      {order.status === 'paid' && order.amountFen > 0 && (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="invoice-title">
          <h2 id="invoice-title" className="text-base font-semibold">
            {t('invoiceTitle')}
          </h2>
          <p className="text-sm text-slate-600">{t('invoiceExplain')}</p>
          {invoice?.status === 'issued' ? (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm">{t('invoiceIssuedAt', { title: invoice.title, when: when(invoice.issuedAt) })}</p>
              <ConfirmButton label={t('voidInvoice')} confirm={t('voidConfirm')} run={voidInvoiceAction.bind(null, order.id)} />
            </div>
          ) : (
            <>
              {invoice?.voidedAt && <p className="text-sm text-slate-500">{t('invoiceVoidedAt', { when: when(invoice.voidedAt) })}</p>}
              <InvoiceForm issueAction={issueInvoiceAction.bind(null, order.id)} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
