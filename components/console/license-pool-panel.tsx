'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { ReviewDialog } from '@/components/ui/review-dialog';
import { useResultToast } from '@/components/ui/toast';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/auth/action';
import { newClientToken } from '@/lib/domain/ids';
import { formatFen } from '@/lib/domain/money';
import type { LicensePool } from '@/lib/domain/scaling';
import type { ReservationQuote } from '@/lib/services/scaling-groups';

type Props = {
  pool: LicensePool;
  productCode: string;
  regionName: string;
  mode: string;
  /** An hourly plan: licenses come with each launch, so there is nothing to reserve. */
  hourly: boolean;
  capFen: number;
  quoteAction: () => Promise<ActionState<ReservationQuote | null>>;
  reserveAction: FormAction<{ bought: number; amountFen: number }>;
  buyModeAction: FormAction;
};

/**
 * MKT-9: for the group's max, the licenses needed, held, available, the shortfall and its cost;
 * the owner reserves the shortfall (one confirmed purchase, reviewed first) or buys on scale-out
 * within a cap.
 */
export function LicensePoolPanel({ pool, productCode, regionName, mode, hourly, capFen, quoteAction, reserveAction, buyModeAction }: Props) {
  const t = useTranslations('scaling.pool');
  const ts = useTranslations('scaling');
  const [reserved, reserve, reserving] = useActionState(reserveAction, null);
  const tt = useTranslations('toast');
  useResultToast(reserved, t('reserved', { count: reserved?.ok ? reserved.data.bought : 0 }));
  // Through the form hook, so a refused cap stays as typed (issue 16).
  const { state: saved, pending: saving, form: capForm } = useFormAction(buyModeAction, { success: tt('saved'), resetOnSuccess: false });
  const [open, setOpen] = useState(false);
  const [quote, setQuote] = useState<ActionState<ReservationQuote | null>>(null);
  const [quoting, startQuote] = useTransition();
  const [clientToken, setClientToken] = useState('');
  useEffect(() => {
    // One token per reservation: confirmed twice, it is paid once.
    if (!clientToken || reserved?.ok) setClientToken(newClientToken());
    if (reserved?.ok) setOpen(false);
    // What it would buy changed since the review: the refusal stays on show with the new quote to confirm.
    if (reserved && !reserved.ok && reserved.error.code === 'InvalidOrder.QuoteChanged') requote();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reserved]);
  const requote = () => startQuote(async () => setQuote(await quoteAction()));
  const review = (wanted: boolean) => {
    setOpen(wanted);
    if (!wanted) return;
    setQuote(null);
    requote();
  };
  const fresh = !quoting && quote?.ok ? quote.data : null;
  const short = Boolean(fresh && fresh.balanceAfterFen < 0);
  const confirm = () => {
    if (!fresh) return;
    const data = new FormData();
    data.set('clientToken', clientToken);
    data.set('quantity', String(fresh.quantity));
    data.set('amountFen', String(fresh.amountFen));
    startTransition(() => reserve(data));
  };
  const figures: [string, string, string][] = [
    ['needed', t('needed'), String(pool.needed)],
    ['held', t('held'), String(pool.held)],
    ['available', t('available'), String(pool.available)],
    ['shortfall', t('shortfall'), String(pool.shortfall)],
    // An hourly plan pays nothing up front: its cost is by the hour, not ¥0.00.
    ['cost', t('cost'), hourly ? t('costHourly') : formatFen(pool.shortfallCostFen)],
  ];
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="pool-title" data-testid="license-pool">
      <div>
        <h2 id="pool-title" className="text-base font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-slate-600">{t('subtitle', { product: productCode })}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([key, label, value]) => (
          <div key={key} className={`rounded-md border px-3 py-2 ${key === 'shortfall' && pool.shortfall > 0 ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`pool-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t('current', { mode: mode === 'reserve' ? ts('modeReserve') : ts('modeBuy') })}</p>
      {pool.shortfall === 0 ? (
        <p className="text-sm text-emerald-700">{t('covered')}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-2 rounded-md border border-slate-200 p-4">
            <p className="text-sm font-medium">{t('reserve')}</p>
            {hourly ? (
              <p className="text-sm text-slate-600" data-testid="reserve-hourly">
                {t('hourly')}
              </p>
            ) : (
              <>
                <p className="text-xs text-slate-500">{t('reserveHint', { count: pool.shortfall, amount: formatFen(pool.shortfallCostFen) })}</p>
                <ReviewDialog
                  open={open}
                  onOpenChange={review}
                  trigger={<Button type="button">{t('reserveButton', { amount: formatFen(pool.shortfallCostFen) })}</Button>}
                  title={t('reserveTitle')}
                  testId="reserve"
                  rows={
                    fresh && [
                      { key: 'product', label: t('reserveRows.product'), value: productCode },
                      { key: 'region', label: t('reserveRows.region'), value: regionName },
                      { key: 'quantity', label: t('reserveRows.quantity'), value: String(fresh.quantity) },
                      { key: 'unitPrice', label: t('reserveRows.unitPrice'), value: formatFen(fresh.unitPriceFen) },
                      { key: 'total', label: t('reserveRows.total'), value: formatFen(fresh.amountFen), strong: true },
                      { key: 'balanceAfter', label: t('reserveRows.balanceAfter'), value: t('balanceValue', { after: formatFen(fresh.balanceAfterFen), balance: formatFen(fresh.balanceFen) }) },
                    ]
                  }
                  error={quote && !quote.ok ? quote.error.message : reserved && !reserved.ok ? reserved.error.message : undefined}
                  confirmLabel={fresh ? t('reserveConfirm', { amount: formatFen(fresh.amountFen) }) : t('reserve')}
                  confirmDisabled={quoting || reserving || !fresh || fresh.quantity === 0 || short}
                  onConfirm={confirm}
                >
                  {short && <p className="mt-3 text-sm text-red-700">{t('reserveShort')}</p>}
                </ReviewDialog>
              </>
            )}
          </div>
          <form {...capForm} className="space-y-2 rounded-md border border-slate-200 p-4">
            <p className="text-sm font-medium">{t('buyMode')}</p>
            <p className="text-xs text-slate-500">{t('buyHint')}</p>
            <Field label={ts('spendingCap')} name="spendingCap" inputMode="decimal" defaultValue={(capFen / 100).toFixed(2)} error={saved && !saved.ok ? saved.error.message : undefined} />
            <Button type="submit" variant="secondary" disabled={saving}>
              {t('saveCap')}
            </Button>
            {saved?.ok && (
              <p role="status" className="text-sm text-emerald-700">
                {t('saved', { cap: formatFen(capFen) })}
              </p>
            )}
          </form>
        </div>
      )}
      {reserved?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('reserved', { count: reserved.data.bought })}
        </p>
      )}
    </section>
  );
}
