'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ReviewDialog } from '@/components/ui/review-dialog';
import { newClientToken } from '@/lib/domain/ids';
import { formatFen } from '@/lib/domain/money';
import type { ActionState } from '@/lib/auth/action';
import type { FormAction } from '@/components/ui/form-action';
import type { SubscriptionModel } from '@/lib/domain/marketplace';
import type { RenewalQuote } from '@/lib/services/subscriptions';
import { useResultToast } from '@/components/ui/toast';

export type RenewQuoteAction = (periods: number) => Promise<ActionState<RenewalQuote>>;

/**
 * MKT-11: buy more months or years for a subscription instance. Nothing is charged before the
 * order review (issue 16) has shown what the renewal costs, priced by the code that charges it.
 */
export function RenewForm({ renewAction, quoteAction, model }: { renewAction: FormAction<{ expiresAt: Date }>; quoteAction: RenewQuoteAction; model: SubscriptionModel }) {
  const t = useTranslations();
  const format = useFormatter();
  const [state, action, pending] = useActionState(renewAction, null);
  useResultToast(state, useTranslations('toast')('renewed'));
  const [periods, setPeriods] = useState('1');
  const [open, setOpen] = useState(false);
  const [quote, setQuote] = useState<ActionState<RenewalQuote>>(null);
  const [quoting, startQuote] = useTransition();
  // One token per renewal: the same order confirmed twice is paid once; after a renewal, a new one.
  const [clientToken, setClientToken] = useState('');
  useEffect(() => {
    // Made in the browser (not during server rendering), and kept after a refusal: a retry of
    // the same order must not become a second renewal.
    if (!clientToken || state?.ok) setClientToken(newClientToken());
    if (state?.ok) setOpen(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const review = (wanted: boolean) => {
    setOpen(wanted);
    if (!wanted) return;
    setQuote(null);
    startQuote(async () => setQuote(await quoteAction(Number(periods))));
  };
  const confirm = () => {
    const data = new FormData();
    data.set('periods', periods);
    data.set('clientToken', clientToken);
    startTransition(() => action(data));
  };
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: 'medium', timeStyle: 'short' });
  const order = !quoting && quote?.ok ? quote.data : null;
  const short = Boolean(order && order.balanceAfterFen < 0);

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="renew-title">
      <h2 id="renew-title" className="text-base font-semibold">
        {t('instances.renewTitle')}
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40 space-y-1.5">
          <label htmlFor="periods" className="block text-sm font-medium text-slate-700">
            {t('instances.renewPeriods')}
          </label>
          <select id="periods" name="periods" value={periods} onChange={(e) => setPeriods(e.target.value)} className={inputClass}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} × {t(`orders.models.${model}`)}
              </option>
            ))}
          </select>
        </div>
        <ReviewDialog
          open={open}
          onOpenChange={review}
          trigger={<Button type="button">{t('instances.renew')}</Button>}
          title={t('instances.renewReview.title')}
          testId="renew"
          rows={
            order && [
              { key: 'instance', label: t('instances.renewReview.instance'), value: `${order.instanceName} (${order.instanceId})` },
              { key: 'product', label: t('instances.renewReview.product'), value: `${order.productTitle} (${order.productCode})` },
              { key: 'periods', label: t('instances.renewReview.periods'), value: t('instances.renewReview.periodsValue', { count: order.periods, model: t(`orders.models.${model}`) }) },
              { key: 'unitPrice', label: t('instances.renewReview.unitPrice'), value: formatFen(order.unitPriceFen) },
              { key: 'total', label: t('instances.renewReview.total'), value: formatFen(order.amountFen), strong: true },
              { key: 'ends', label: t('instances.renewReview.ends'), value: t('instances.renewReview.endsValue', { from: when(order.endsAt), to: when(order.newEndsAt) }) },
              { key: 'balanceAfter', label: t('instances.renewReview.balanceAfter'), value: t('instances.renewReview.balanceValue', { after: formatFen(order.balanceAfterFen), balance: formatFen(order.balanceFen) }) },
            ]
          }
          error={quote && !quote.ok ? quote.error.message : state && !state.ok ? state.error.message : undefined}
          confirmLabel={pending ? t('common.working') : order ? t('instances.renewReview.confirm', { amount: formatFen(order.amountFen) }) : t('instances.renew')}
          confirmDisabled={quoting || short || pending}
          onConfirm={confirm}
        >
          {short && <p className="mt-3 text-sm text-red-700">{t('instances.renewReview.short')}</p>}
        </ReviewDialog>
      </div>
      <p className="text-xs text-slate-500">{t('instances.renewHint')}</p>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('instances.renewed', { until: format.dateTime(new Date(state.data.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
      )}
    </section>
  );
}
