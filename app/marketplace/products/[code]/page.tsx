import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { DelistedNotice } from '@/components/marketplace/delisted-notice';
import { MyLicenses } from '@/components/marketplace/my-licenses';
import { Overview, PricingOptions, VersionsTable } from '@/components/marketplace/product-details';
import { ProductBreadcrumb, ProductHeader } from '@/components/marketplace/product-header';
import { ProductOffer } from '@/components/marketplace/product-offer';
import { currentSession } from '@/lib/auth/session';
import { CloudError } from '@/lib/domain/errors';
import { getProduct } from '@/lib/services/marketplace';
import { purchaseAction, quotePurchaseAction } from '../../actions';
import { walletBalance } from '@/lib/services/wallet';

/** The product as the caller may see it, once per request (the page and its metadata share it). */
const load = cache(async (code: string) => {
  const session = await currentSession();
  try {
    return { detail: await getProduct(code, session?.actor ?? null), session };
  } catch (error) {
    if (error instanceof CloudError && error.code === 'InvalidProductCode.NotFound') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { detail } = await load((await params).code);
  return { title: detail.product.title, description: detail.product.summary };
}

export default async function ProductPage({ params }: { params: Promise<{ code: string }> }) {
  const { detail, session } = await load((await params).code);
  const { product, offer, launchImages, myLicenses } = detail;
  const delisted = offer.kind === 'delisted';
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <ProductBreadcrumb product={product} />
      <ProductHeader product={product} delisted={delisted} />
      {delisted && <DelistedNotice substitutes={detail.substitutes} />}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Overview description={product.description} />
          <PricingOptions skus={detail.skus} />
          <VersionsTable versions={detail.versions} />
        </div>
        {/* On a phone the purchase comes right after the header; beside the details on a wide screen. */}
        <aside className="order-first space-y-4 lg:sticky lg:top-20 lg:order-none lg:h-fit">
          <ProductOffer
            purchaseAction={purchaseAction}
            quoteAction={quotePurchaseAction}
            productCode={product.code}
            offer={offer}
            regions={detail.regions}
            launchImages={launchImages}
            signedIn={Boolean(session)}
            walletFen={session && offer.kind === 'licenses' ? await walletBalance(session.actor) : undefined}
          />
          {myLicenses && <MyLicenses groups={myLicenses} launchImages={launchImages} />}
        </aside>
      </div>
    </div>
  );
}
