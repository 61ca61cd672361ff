import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ConfirmButton } from '@/components/console/confirm-button';
import { ActionButton } from '@/components/publishing/action-button';
import { DebugPanel, type ShownExchange } from '@/components/publishing/debug-panel';
import { InterfaceUrlForm } from '@/components/publishing/interface-url-form';
import { ProductInfoForm } from '@/components/publishing/product-info-form';
import { SkuForm } from '@/components/publishing/sku-form';
import { VersionForm } from '@/components/publishing/version-form';
import { orNotFound } from '@/app/console/or-not-found';
import { formatFen } from '@/lib/domain/money';
import { canApplyToProduct } from '@/lib/domain/products';
import { debugOrder, type ListingProblem } from '@/lib/domain/publishing';
import { listRegions } from '@/lib/services/catalogue';
import { getMyProduct } from '@/lib/services/products';
import { requireSeller } from '../../../require-seller';
import { ImageFamilyPanel } from '@/components/console/image-family-panel';
import { deprecateVersionAction, setVersionFamilyAction, undeprecateVersionAction } from '../version-family-actions';
import { debugAction, delistProductAction, moveInterfaceAction, removeVersionAction, setSkusAction, setVersionAction, submitProductAction, updateProductAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerProduct');

function Step({ n, title, children, done }: { n: number; title: string; children: ReactNode; done?: boolean }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-label={title}>
      <h2 className="flex items-center gap-3 text-base font-semibold">
        <span className={`flex size-7 items-center justify-center rounded-full text-sm ${done ? 'bg-emerald-600 text-white' : 'bg-slate-100 text-slate-600'}`}>{done ? '✓' : n}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function PublishProductPage({ params }: { params: Promise<{ code: string }> }) {
  const { actor } = await requireSeller();
  const { code } = await params;
  const view = await orNotFound(async () => await getMyProduct(actor, code), 'InvalidProductCode.NotFound');
  const { product, versions, versionRegions, skus, checks, problems, publishableImages, published } = view;
  const tf = await getTranslations('imageFamily');
  // Issue 17: a published version's family and deprecation are those of its regional images.
  const publishedOf = (version: string) => published.filter((i) => i.version === version);
  const deprecatedVersions = new Set(published.filter((i) => i.deprecatedAt).map((i) => i.version));
  const t = await getTranslations('publishing');
  const tr = await getTranslations('regions');
  const tp = await getTranslations('marketplace.pricing');
  const regionNames = Object.fromEntries((await listRegions()).map((r) => [r.id, tr(r.id)]));
  const editable = canApplyToProduct(product.status, 'edit');
  const has = (kind: ListingProblem['kind']) => problems.some((p) => p.kind === kind);
  const describe = (p: ListingProblem) => {
    if (p.kind === 'noRegion') return t('problems.noRegion', { version: p.version });
    if (p.kind === 'imageUnavailable') return t('problems.imageUnavailable', { version: p.version, region: regionNames[p.regionId] ?? p.regionId });
    if (p.kind === 'interfaceUrl') return t('problems.interfaceUrl', { problem: p.problem });
    if (p.kind === 'notDebugged') return t('problems.notDebugged', { activities: p.activities.join(', ') });
    if (p.kind === 'regionsDiffer') return t('problems.regionsDiffer', { versions: p.versions.join(', ') });
    return t(`problems.${p.kind}`);
  };
  const debugRows = debugOrder.map((activity) => {
    const check = checks.find((c) => c.activity === activity && c.url === product.interfaceUrl);
    return { activity, passedAt: check?.passedAt?.toISOString() ?? null, last: (check?.exchange as ShownExchange | undefined) ?? null };
  });

  return (
    <div className="max-w-4xl space-y-5">
      <Link href="/seller/products" className="text-sm text-brand-600 hover:underline">
        ← {t('backToList')}
      </Link>
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{product.title}</h1>
          <p className="font-mono text-sm text-slate-500">
            {product.code} · <span data-testid="product-status">{t(`statuses.${product.status}`)}</span>
          </p>
        </div>
        {canApplyToProduct(product.status, 'delist') && (
          <div className="flex items-center gap-3">
            <Link href={`/marketplace/products/${product.code}`} className="text-sm text-brand-600 hover:underline">
              {t('viewListing')}
            </Link>
            <ConfirmButton label={t('delist')} confirm={t('delistConfirm')} run={delistProductAction.bind(null, product.code)} />
          </div>
        )}
      </div>
      {product.status === 'in_review' && <p className="rounded-md bg-sky-50 px-4 py-3 text-sm text-sky-800">{t('inReview')}</p>}
      {product.status === 'rejected' && product.reviewNote && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {t('rejectedBecause', { note: product.reviewNote })}
        </p>
      )}

      <Step n={1} title={t('stepInfo')} done={Boolean(product.interfaceUrl)}>
        {editable ? (
          <ProductInfoForm action={updateProductAction.bind(null, product.code)} initial={product} submitLabel={t('save')} />
        ) : (
          <p className="text-sm text-slate-600">{product.summary}</p>
        )}
        {canApplyToProduct(product.status, 'moveInterface') && <InterfaceUrlForm action={moveInterfaceAction.bind(null, product.code)} current={product.interfaceUrl ?? ''} />}
      </Step>

      <Step n={2} title={t('stepVersions')} done={versions.length > 0 && versions.every((v) => versionRegions.get(v.version)?.length) && !has('imageUnavailable') && !has('regionsDiffer')}>
        {versions.length > 0 && (
          <ul className="space-y-2">
            {versions.map((v, index) => (
              <li key={v.version} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm" data-version={v.version}>
                <span className="font-medium">{v.version}</span>
                {deprecatedVersions.has(v.version) && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{tf('deprecatedBadge')}</span>}
                {publishedOf(v.version)[0]?.imageFamily && <span className="font-mono text-xs text-slate-500">{publishedOf(v.version)[0].imageFamily}</span>}
                <span className="text-slate-600">
                  {(versionRegions.get(v.version) ?? []).map((regionId) => regionNames[regionId] ?? regionId).join(' · ') || t('noRegionYet')}
                </span>
                {editable && (
                  <span className="ml-auto">
                    <ConfirmButton label={t('removeVersion')} confirm={t('removeVersionConfirm', { version: v.version })} run={removeVersionAction.bind(null, product.code, v.version)} />
                  </span>
                )}
                {publishedOf(v.version).length > 0 && (
                  <div className="w-full pt-2">
                    <ImageFamilyPanel
                      id={`version-${index}`}
                      title={tf('versionTitle', { version: v.version })}
                      family={publishedOf(v.version)[0].imageFamily}
                      deprecated={deprecatedVersions.has(v.version)}
                      successors={versions.filter((o) => o.version !== v.version && !deprecatedVersions.has(o.version) && publishedOf(o.version).length > 0).map((o) => ({ id: o.version, name: o.version }))}
                      successorLabel={tf('versionSuccessorLabel')}
                      setFamilyAction={setVersionFamilyAction.bind(null, product.code, v.version)}
                      deprecateAction={deprecateVersionAction.bind(null, product.code, v.version)}
                      undeprecateAction={undeprecateVersionAction.bind(null, product.code, v.version)}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable && <VersionForm action={setVersionAction.bind(null, product.code)} images={publishableImages} regionNames={regionNames} />}
        <p className="text-xs text-slate-500">
          {t.rich('copyHint', { link: (chunks) => <Link href="/console/images?owner=self" className="text-brand-600 underline">{chunks}</Link> })}
        </p>
      </Step>

      <Step n={3} title={t('stepSkus')} done={skus.length > 0 && !has('freeWithPaid')}>
        {editable ? (
          <SkuForm action={setSkusAction.bind(null, product.code)} current={skus} />
        ) : (
          <ul className="text-sm">
            {skus.map((s) => (
              <li key={s.code}>
                {tp(s.pricingModel)} · {formatFen(s.priceFen)}
              </li>
            ))}
          </ul>
        )}
      </Step>

      <Step n={4} title={t('stepInterface')} done={!has('notDebugged') && !has('noInterfaceUrl') && !has('noSigningKey')}>
        <p className="text-sm text-slate-600">{t.rich('debugHint', { keys: (chunks) => <Link href="/seller/keys" className="text-brand-600 underline">{chunks}</Link> })}</p>
        {product.interfaceUrl ? <DebugPanel debugAction={debugAction.bind(null, product.code)} rows={debugRows} /> : <p className="text-sm text-amber-700">{t('problems.noInterfaceUrl')}</p>}
      </Step>

      <Step n={5} title={t('stepSubmit')} done={!editable}>
        {!editable && product.status !== 'in_review' ? (
          <p className="text-sm text-slate-600">{t(`statuses.${product.status}`)}</p>
        ) : problems.length === 0 ? (
          <p className="text-sm text-emerald-700">{t('ready')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm text-red-700" data-testid="listing-problems">
            {problems.map((p, i) => (
              <li key={i}>{describe(p)}</li>
            ))}
          </ul>
        )}
        {editable && <ActionButton label={t('submit')} run={submitProductAction.bind(null, product.code)} />}
      </Step>
    </div>
  );
}
