'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { FormError, inputClass } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';
import { MAX_PURCHASE_QUANTITY, type PricingModel } from '@/lib/domain/marketplace';
import { formatFen, timesFen } from '@/lib/domain/money';
import { authHref, launchHref } from './links';
import { shortPrice } from './price';
import { newClientToken } from '@/lib/domain/ids';
import { ReviewDialog } from '@/components/ui/review-dialog';
import type { ActionState } from '@/lib/auth/action';
import type { PricedOrder } from '@/lib/domain/pricing';

/** The page's server action that prices a purchase without making it. */
export type QuotePurchaseAction = (input: { productCode: string; skuCode: string; regionId: string; quantity: string }) => Promise<ActionState<PricedOrder>>;

type PanelSku = { code: string; pricingModel: PricingModel; priceFen: number };

/** Region, pricing option and quantity, the total, and Buy (MKT-2, MKT-3). Signed-out visitors are sent to sign in. */
/** What a purchase answers: the order and what it bought. */
export type PurchaseResult = { orderId: string; licenseCount: number; amountFen: number; pricingModel: PricingModel; regionId: string };

export function PurchasePanel({
  purchaseAction,
  quoteAction,
  productCode,
  regions,
  defaultRegion,
  skus,
  signedIn,
  walletFen,
  launchImages,
}: {
  purchaseAction: FormAction<PurchaseResult>;
  quoteAction: QuotePurchaseAction;
  productCode: string;
  regions: string[];
  defaultRegion: string;
  skus: PanelSku[];
  signedIn: boolean;
  walletFen?: number;
  /** The newest version's image in each region, for the launch wizard link. */
  launchImages: Record<string, string>;
}) {
  const t = useTranslations('marketplace');
  const tRoot = useTranslations();
  // Submitted through the shared hook: React's reset after an action would untick the controlled choices (issue 16).
  const { state, pending, form: submit } = useFormAction(purchaseAction, { resetOnSuccess: false });
  const [regionId, setRegionId] = useState(defaultRegion);
  const [skuCode, setSkuCode] = useState(skus[0]?.code ?? '');
  const [quantity, setQuantity] = useState('1');
  // One token per purchase: the same form sent twice buys once; after a purchase, a new one.
  const [clientToken, setClientToken] = useState('');
  useEffect(() => {
    // Made in the browser (not during server rendering), and kept after a refusal: a retry of
    // the same form must not become a second purchase.
    if (!clientToken || state?.ok) setClientToken(newClientToken());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Issue 16: Buy opens the order review, priced by the service; Confirm sends the form.
  const form = submit.ref;
  const [open, setOpen] = useState(false);
  const [quote, setQuote] = useState<ActionState<PricedOrder>>(null);
  const [quoting, startQuote] = useTransition();
  const review = (wanted: boolean) => {
    setOpen(wanted);
    if (!wanted) return;
    setQuote(null);
    startQuote(async () => setQuote(await quoteAction({ productCode, skuCode, regionId, quantity: quantity.trim() })));
  };
  const order = !quoting && quote?.ok ? quote.data : null;
  const balanceAfter = order && walletFen !== undefined ? walletFen - order.amountFen : undefined;

  const sku = skus.find((s) => s.code === skuCode);
  const count = /^\d{1,3}$/.test(quantity.trim()) ? Number(quantity.trim()) : Number.NaN;
  const validCount = Number.isInteger(count) && count >= 1 && count <= MAX_PURCHASE_QUANTITY;
  const total = sku && validCount ? timesFen(sku.priceFen, count) : undefined;
  const error = state && !state.ok ? state.error : undefined;
  const quantityError = error?.field === 'quantity' ? error.message : !validCount && quantity !== '' ? t('purchase.invalidQuantity', { max: MAX_PURCHASE_QUANTITY }) : undefined;
  const done = state?.ok ? state.data : undefined;
  const step = (delta: number) => setQuantity(String(Math.min(MAX_PURCHASE_QUANTITY, Math.max(1, (validCount ? count : 1) + delta))));
  const buyLabel = !validCount ? t('purchase.title') : sku?.priceFen === 0 ? t('purchase.getFree', { count }) : t('purchase.buy', { count });

  return (
    <section aria-labelledby="purchase-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="purchase-title" className="text-base font-semibold">
        {t('purchase.title')}
      </h2>

      {done && (
        <div role="status" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p className="font-semibold">{t('purchase.successTitle')}</p>
          <p>{t('purchase.successBody', { count: done.licenseCount, region: tRoot(`regions.${done.regionId}`), amount: formatFen(done.amountFen) })}</p>
          <p className="text-xs">
            {t('purchase.order')}: <code className="font-mono break-all" data-testid="order-id">{done.orderId}</code>
          </p>
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={launchHref(done.regionId, launchImages[done.regionId])} size="sm">
              {t('purchase.launch')}
            </ButtonLink>
            <ButtonLink href="/console/licenses" size="sm" variant="secondary">
              {t('purchase.viewLicenses')}
            </ButtonLink>
          </div>
        </div>
      )}

      <form {...submit} className="space-y-4">
        <input type="hidden" name="productCode" value={productCode} />
        <input type="hidden" name="clientToken" value={clientToken} />
        <div className="space-y-1.5">
          <label htmlFor="purchase-region" className="block text-sm font-medium text-slate-700">
            {t('purchase.region')}
          </label>
          <select id="purchase-region" name="regionId" value={regionId} onChange={(e) => setRegionId(e.target.value)} className={inputClass}>
            {regions.map((r) => (
              <option key={r} value={r}>
                {tRoot(`regions.${r}`)}
              </option>
            ))}
          </select>
          {error?.field === 'regionId' && <p className="text-sm text-red-600">{error.message}</p>}
        </div>

        <div className="space-y-1.5">
          <label htmlFor="purchase-sku" className="block text-sm font-medium text-slate-700">
            {t('purchase.plan')}
          </label>
          <select id="purchase-sku" name="skuCode" value={skuCode} onChange={(e) => setSkuCode(e.target.value)} className={inputClass}>
            {skus.map((s) => (
              <option key={s.code} value={s.code}>
                {t(`pricing.${s.pricingModel}`)} · {shortPrice(t, s.pricingModel, s.priceFen)}
              </option>
            ))}
          </select>
          {sku && <p className="text-xs text-slate-500">{t(`product.explain.${sku.pricingModel}`)}</p>}
          {error?.field === 'skuCode' && <p className="text-sm text-red-600">{error.message}</p>}
        </div>

        <div className="space-y-1.5">
          <label htmlFor="purchase-quantity" className="block text-sm font-medium text-slate-700">
            {t('purchase.quantity')}
          </label>
          <div className="flex">
            <button type="button" onClick={() => step(-1)} disabled={validCount && count <= 1} aria-label={t('purchase.decrease')} className="w-10 rounded-l-md border border-slate-300 bg-slate-50 text-lg text-slate-700 hover:bg-slate-100 disabled:text-slate-300">
              −
            </button>
            <input
              id="purchase-quantity"
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_PURCHASE_QUANTITY}
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              aria-invalid={quantityError ? true : undefined}
              aria-describedby="purchase-quantity-note"
              className="block w-full min-w-0 border-y border-slate-300 px-3 py-2 text-center text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-invalid:border-red-400 [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none"
            />
            <button type="button" onClick={() => step(1)} disabled={validCount && count >= MAX_PURCHASE_QUANTITY} aria-label={t('purchase.increase')} className="w-10 rounded-r-md border border-slate-300 bg-slate-50 text-lg text-slate-700 hover:bg-slate-100 disabled:text-slate-300">
              +
            </button>
          </div>
          <p id="purchase-quantity-note" className={`text-xs ${quantityError ? 'text-red-600' : 'text-slate-500'}`}>
            {quantityError ?? t('purchase.quantityHint', { max: MAX_PURCHASE_QUANTITY })}
          </p>
        </div>

        <div className="flex items-baseline justify-between border-t border-slate-100 pt-4">
          <span className="text-sm text-slate-600">{t('purchase.total')}</span>
          <span className="text-right">
            <span className="block text-2xl font-semibold text-slate-900" data-testid="purchase-total">
              {total === undefined ? '—' : formatFen(total)}
            </span>
            {sku && validCount && count > 1 && <span className="block text-xs text-slate-500">{t('purchase.unitTimes', { price: formatFen(sku.priceFen), count })}</span>}
          </span>
        </div>

        <FormError message={error && !['quantity', 'regionId', 'skuCode'].includes(error.field ?? '') ? error.message : undefined} />

        {!signedIn ? (
          <div className="space-y-2 text-center">
            <ButtonLink href={authHref('sign-in', productCode)} className="w-full">
              {t('purchase.signInToBuy')}
            </ButtonLink>
            <p className="text-sm text-slate-600">
              {t('purchase.noAccount')}{' '}
              <Link href={authHref('sign-up', productCode)} className="font-medium text-brand-600 hover:underline">
                {t('purchase.createAccount')}
              </Link>
            </p>
          </div>
        ) : (
          <div className="space-y-2">
            <ReviewDialog
              open={open}
              onOpenChange={review}
              trigger={
                <Button type="button" className="w-full" disabled={pending || !sku}>
                  {pending ? t('purchase.buying') : buyLabel}
                </Button>
              }
              title={t('review.title')}
              testId="purchase-review"
              rows={
                order && sku
                  ? [
                  { key: 'product', label: t('review.product'), value: productCode },
                  { key: 'region', label: t('purchase.region'), value: tRoot(`regions.${regionId}`) },
                  { key: 'plan', label: t('purchase.plan'), value: t(`pricing.${sku.pricingModel}`) },
                  { key: 'quantity', label: t('purchase.quantity'), value: order.quantity },
                  { key: 'unitPrice', label: t('review.unitPrice'), value: formatFen(order.unitPriceFen) },
                  { key: 'total', label: t('purchase.total'), value: formatFen(order.amountFen), strong: true },
                  ...(balanceAfter === undefined ? [] : [{ key: 'balanceAfter', label: t('review.balanceAfter'), value: formatFen(balanceAfter) }]),
                ]
                  : null
              }
              error={quote && !quote.ok ? quote.error.message : undefined}
              confirmLabel={order && order.amountFen > 0 ? t('review.pay', { amount: formatFen(order.amountFen) }) : t('review.confirm')}
              confirmDisabled={quoting || pending || (balanceAfter !== undefined && balanceAfter < 0)}
              onConfirm={() => {
                setOpen(false);
                form.current?.requestSubmit();
              }}
            >
              {balanceAfter !== undefined && balanceAfter < 0 && <p className="mt-3 text-sm text-red-700">{t('review.short')}</p>}
            </ReviewDialog>
            {walletFen !== undefined && <p className="text-center text-xs text-slate-500">{t('purchase.wallet', { balance: formatFen(walletFen) })}</p>}
          </div>
        )}
      </form>
    </section>
  );
}
