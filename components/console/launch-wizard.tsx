'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { ReviewDialog } from '@/components/ui/review-dialog';
import { launchRoom, MAX_LAUNCH_AMOUNT, type LaunchLimits } from '@/lib/domain/launch-limits';
import { formatFen } from '@/lib/domain/money';
import { RESOURCE_NAME_MAX } from '@/lib/domain/names';
import type { LaunchPreview } from '@/lib/services/launch-preview';
import { EntitlementPanel, type PreviewAction } from './entitlement-panel';
import { LaunchChargesSummary } from './launch-charges';
import { LaunchRoomNote } from './launch-room';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';
import type { MarketplacePage, WizardImage } from '@/lib/services/launch-wizard';
import { useMarketplacePages, type MarketplacePageAction } from './marketplace-pages';

type Tab = 'system' | 'custom' | 'shared' | 'marketplace' | 'family';
type WizardType = { id: string; vcpu: number; memoryGib: number; hourlyPriceFen: number };

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby={`step-${n}`}>
      <h2 id={`step-${n}`} className="mb-4 flex items-center gap-3 text-base font-semibold">
        <span className="flex size-6 items-center justify-center rounded-full bg-brand-600 text-xs text-white">{n}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

const optionClass = (selected: boolean) =>
  `flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors ${selected ? 'border-brand-500 bg-brand-50 ring-1 ring-brand-500' : 'border-slate-200 hover:border-slate-300'}`;

/** "Buy 1 license (¥99.00) and launch 3 instances" wraps in the narrow summary instead of overflowing. */
const launchButtonClass = 'w-full text-center whitespace-normal!';

type WizardProps = {
  launchAction: FormAction;
  previewAction: PreviewAction;
  marketplaceAction: MarketplacePageAction;
  regionId: string;
  regions: string[];
  /** System, own and shared images; marketplace products come a page at a time. */
  images: WizardImage[];
  /** Issue 17: "latest of family" — each family with the image it resolves to now. */
  families: WizardImage[];
  marketplace: MarketplacePage;
  /** The marketplace image the wizard was opened with, when it is one. */
  preselected: WizardImage | null;
  instanceTypes: WizardType[];
  limits: LaunchLimits;
  initialImageId?: string;
};

export function LaunchWizard({ launchAction, previewAction, marketplaceAction, regionId, regions, images, families, marketplace, preselected, instanceTypes, limits, initialImageId }: WizardProps) {
  const t = useTranslations();
  const router = useRouter();
  // Submitted through the shared hook: React's reset after an action would untick the controlled choices (issue 16).
  const { state, pending, form: submit } = useFormAction(launchAction, { resetOnSuccess: false });
  const initial = [...images, ...(preselected ? [preselected] : [])].find((i) => i.id === initialImageId);
  const [tab, setTab] = useState<Tab>(initial ? (initial.kind as Tab) : 'system');
  const [image, setImage] = useState<WizardImage | undefined>(initial);
  const imageId = image?.id ?? '';
  const [payment, setPayment] = useState('');
  const [typeId, setTypeId] = useState(instanceTypes[0]?.id ?? '');
  const [amount, setAmount] = useState('1');
  const [name, setName] = useState('');
  const count = Number.parseInt(amount, 10);
  const validCount = Number.isInteger(count) && count >= 1 && count <= MAX_LAUNCH_AMOUNT;
  // Issue 16: the preview prices every launch (any image), with the code that charges it.
  const previewed = useQuery({
    queryKey: ['launch-preview', regionId, imageId, typeId, count],
    queryFn: () => previewAction({ regionId, imageId, instanceTypeId: typeId, amount: count }),
    enabled: Boolean(imageId && typeId) && validCount,
  });
  const preview: LaunchPreview | null = imageId && validCount && previewed.data?.ok ? previewed.data.data : null;

  const error = state && !state.ok ? state.error : undefined;
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  const type = instanceTypes.find((it) => it.id === typeId);
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const onMarketplace = tab === 'marketplace';
  const market = useMarketplacePages(regionId, marketplace, marketplaceAction, onMarketplace ? filter : '');
  // The marketplace tab is searched by the server; the others (at most the image quota) here.
  const marketplaceShown = preselected && !filter && !market.items.some((i) => i.id === preselected.id) ? [preselected, ...market.items] : market.items;
  const onFamily = tab === 'family';
  const ofTab = onMarketplace ? marketplaceShown : onFamily ? families : images.filter((i) => i.kind === tab);
  const shown = onMarketplace ? ofTab : ofTab.filter((i) => words.every((w) => `${i.imageFamily ?? ''} ${i.description} ${i.name} ${i.platform} ${i.productCode ?? ''}`.toLowerCase().includes(w)));
  const filterable = onMarketplace ? ofTab.length > 8 || market.more !== null || filter !== '' : ofTab.length > 8;
  // What the chosen way of paying means for the launch: hourly buys one per instance, a one-time or subscription SKU buys the shortfall.
  const option = preview?.options.find((o) => o.skuCode === payment);
  // The preview asks the launch's own decision: a refused launch is not offered.
  const blocked = Boolean(image?.productCode && preview && (preview.refusal || (preview.shortfall > 0 && !option)));
  // Issue 12: the launch's own rule, judged on the balance left after the licenses it buys.
  const costFen = option?.covers === 'shortfall' ? option.costFen : 0;
  const room = type ? launchRoom({ ...limits, balanceFen: limits.balanceFen - costFen }, type.vcpu) : null;
  const overRoom = Boolean(room && (room.more === 0 || (validCount && count > room.more)));
  // Issue 16: a launch that buys licenses (up front or by the hour) is reviewed before it is sent.
  const form = submit.ref;
  const [reviewing, setReviewing] = useState(false);
  const confirmLabel = costFen > 0 ? t('wizard.review.pay', { amount: formatFen(costFen), count: validCount ? count : 1 }) : t('wizard.submit', { count: validCount ? count : 1 });
  const submitLabel = option?.covers === 'shortfall' ? t('entitlement.buyAndLaunch', { licenses: preview!.shortfall, cost: formatFen(option.costFen), count: validCount ? count : 1 }) : t('wizard.submit', { count: validCount ? count : 1 });

  return (
    <form {...submit} className="grid gap-5 lg:grid-cols-[1fr_18rem]">
      {/* min-w-0: a grid item would otherwise be as wide as its longest image name. */}
      <div className="min-w-0 space-y-5">
        <FormError message={error && !error.field ? error.message : undefined} />
        <Step n={1} title={t('wizard.stepRegion')}>
          <input type="hidden" name="regionId" value={regionId} />
          <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t('wizard.stepRegion')}>
            {regions.map((r) => (
              <button
                key={r}
                type="button"
                role="radio"
                aria-checked={r === regionId}
                onClick={() => router.push(`/console/instances/new?region=${r}`)}
                className={`rounded-md border px-3 py-2 text-sm ${r === regionId ? 'border-brand-500 bg-brand-50 font-medium text-brand-700' : 'border-slate-200 hover:border-slate-300'}`}
              >
                {t(`regions.${r}`)}
              </button>
            ))}
          </div>
          {fieldError('regionId') && <p className="mt-2 text-sm text-red-600">{fieldError('regionId')}</p>}
        </Step>

        <Step n={2} title={t('wizard.stepImage')}>
          <div className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200" role="tablist">
            {(['system', 'custom', 'shared', 'marketplace', 'family'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                onClick={() => {
                  setTab(k);
                  setFilter('');
                }}
                className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap ${tab === k ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
              >
                {k === 'family' ? t('imageFamily.latestOfFamily') : t(`wizard.tabs.${k}`)}
              </button>
            ))}
          </div>
          {filterable && (
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('wizard.filterImages')} aria-label={t('wizard.filterImages')} className={`${inputClass} mb-3`} />
          )}
          {onFamily && <p className="mb-3 text-sm text-slate-600">{t('imageFamily.latestOfFamilyHint')}</p>}
          {ofTab.length === 0 && !filter ? (
            <p className="text-sm text-slate-600">{onFamily ? t('imageFamily.noFamilies') : t(`wizard.empty.${tab}`)}</p>
          ) : shown.length === 0 ? (
            <p className="text-sm text-slate-600">{t('wizard.noImageMatches')}</p>
          ) : (
            <div className="grid max-h-[26rem] gap-2 overflow-y-auto pr-1 sm:grid-cols-2" role="radiogroup" aria-label={t('wizard.stepImage')} aria-busy={onMarketplace && market.searching}>
              {shown.map((option) => (
                <label key={option.imageFamily ?? option.id} className={optionClass(option.id === imageId && option.imageFamily === image?.imageFamily)}>
                  {/* A family is sent as the family: the launch takes its newest image then (issue 17). */}
                  <input
                    type="radio"
                    name={onFamily ? 'imageFamily' : 'imageId'}
                    value={onFamily ? option.imageFamily : option.id}
                    checked={option.id === imageId && option.imageFamily === image?.imageFamily}
                    onChange={() => {
                      setImage(option);
                      setPayment('');
                    }}
                    className="mt-1"
                  />
                  <span className="min-w-0">
                    {onFamily && <span className="block font-mono text-sm font-medium">{option.imageFamily}</span>}
                    <span className={onFamily ? 'block text-xs text-slate-700' : 'block font-medium'}>{onFamily ? t('imageFamily.resolvesTo', { name: option.name }) : option.description || option.platform}</span>
                    {option.productCode && (
                      <span className="block text-xs text-amber-700">
                        {t('wizard.productImage', { productCode: option.productCode, version: option.productVersion ?? '' })}
                        {option.productStatus === 'delisted' && ` · ${t('wizard.delisted')}`}
                      </span>
                    )}
                    <span className="block truncate font-mono text-xs text-slate-500" title={option.name}>
                      {option.name}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {option.platform} · {option.osType} · {option.sizeGib} GiB
                    </span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {onMarketplace && market.more && (
            <Button type="button" variant="secondary" className="mt-3" disabled={market.searching} onClick={market.more}>
              {t('wizard.moreProducts')}
            </Button>
          )}
          {fieldError('imageId') && <p className="mt-2 text-sm text-red-600">{fieldError('imageId')}</p>}
        </Step>

        {image?.productCode && (
          <EntitlementPanel preview={preview} isFetching={previewed.isFetching} amount={validCount ? count : 1} choice={payment} onChoice={setPayment} />
        )}
        <input type="hidden" name="skuCode" value={payment} />
        <input type="hidden" name="buyShortfall" value={option?.covers === 'shortfall' ? 'true' : 'false'} />

        <Step n={3} title={t('wizard.stepType')}>
          <div className="overflow-hidden rounded-md border border-slate-200" role="radiogroup" aria-label={t('wizard.stepType')}>
            {instanceTypes.map((it) => (
              <label key={it.id} className={`flex cursor-pointer items-center gap-3 border-b border-slate-100 px-4 py-2.5 text-sm last:border-b-0 ${it.id === typeId ? 'bg-brand-50' : 'hover:bg-slate-50'}`}>
                <input type="radio" name="instanceTypeId" value={it.id} checked={it.id === typeId} onChange={() => setTypeId(it.id)} />
                {/* On a phone the type's id and size stack, so the row fits 390 px. */}
                <span className="flex min-w-0 flex-1 flex-col sm:flex-row sm:items-center sm:gap-4">
                  <span className="font-mono text-xs sm:w-44 sm:shrink-0">{it.id}</span>
                  <span className="text-slate-600">{t('instances.specs', { vcpu: it.vcpu, memory: it.memoryGib })}</span>
                </span>
                <span className="font-medium whitespace-nowrap">{t('common.perHour', { price: formatFen(it.hourlyPriceFen) })}</span>
              </label>
            ))}
          </div>
          {fieldError('instanceTypeId') && <p className="mt-2 text-sm text-red-600">{fieldError('instanceTypeId')}</p>}
        </Step>

        <Step n={4} title={t('wizard.stepAmount')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('wizard.amount')} name="amount" type="number" min={1} max={Math.max(1, Math.min(MAX_LAUNCH_AMOUNT, room?.more ?? MAX_LAUNCH_AMOUNT))} value={amount} onChange={(e) => setAmount(e.target.value)} hint={t('wizard.amountHint')} error={fieldError('amount')} />
            <Field label={t('wizard.name')} name="name" maxLength={RESOURCE_NAME_MAX} value={name} onChange={(e) => setName(e.target.value)} hint={t('wizard.nameHint')} error={fieldError('name')} />
          </div>
        </Step>
      </div>

      <aside className="h-fit space-y-4 rounded-lg border border-slate-200 bg-white p-5 lg:sticky lg:top-20">
        <h2 className="text-base font-semibold">{t('wizard.summary')}</h2>
        <dl className="space-y-2 text-sm">
          <div className="flex justify-between gap-2">
            <dt className="text-slate-500">{t('wizard.stepRegion')}</dt>
            <dd>{t(`regions.${regionId}`)}</dd>
          </div>
          <div className="flex justify-between gap-2">
            <dt className="text-slate-500">{t('wizard.stepType')}</dt>
            <dd className="font-mono text-xs">{typeId}</dd>
          </div>
        </dl>
        <LaunchChargesSummary charges={option ? option.charges : (preview?.charges ?? null)} />
        {!imageId && <p className="text-xs text-slate-500">{t('wizard.chooseImage')}</p>}
        {blocked && <p className="text-xs text-red-700">{t('entitlement.chooseHowToPay')}</p>}
        {room && <LaunchRoomNote limits={limits} room={room} costFen={costFen} count={validCount ? count : 1} />}
        {option ? (
          <ReviewDialog
            open={reviewing}
            onOpenChange={setReviewing}
            trigger={
              <Button type="button" className={launchButtonClass} disabled={pending || !typeId || blocked || overRoom}>
                {pending ? t('common.working') : submitLabel}
              </Button>
            }
            title={t('wizard.review.title')}
            testId="launch-review"
            rows={[
              { key: 'region', label: t('wizard.stepRegion'), value: t(`regions.${regionId}`) },
              { key: 'image', label: t('wizard.stepImage'), value: image?.description || image?.name },
              { key: 'type', label: t('wizard.stepType'), value: typeId },
              { key: 'amount', label: t('wizard.amount'), value: validCount ? count : '—' },
            ]}
            confirmLabel={confirmLabel}
            confirmDisabled={pending || !validCount}
            onConfirm={() => {
              setReviewing(false);
              form.current?.requestSubmit();
            }}
          >
            <div className="mt-3">
              <LaunchChargesSummary charges={option.charges} />
            </div>
          </ReviewDialog>
        ) : (
          <Button type="submit" className={launchButtonClass} disabled={pending || !imageId || !typeId || blocked || overRoom}>
            {pending ? t('common.working') : submitLabel}
          </Button>
        )}
      </aside>
    </form>
  );
}
