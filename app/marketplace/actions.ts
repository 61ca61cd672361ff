'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionState } from '@/lib/auth/action';
import { currentSession } from '@/lib/auth/session';
import { CloudError } from '@/lib/domain/errors';
import { isProductCode, MAX_PURCHASE_QUANTITY, type PricingModel } from '@/lib/domain/marketplace';
import { purchaseLicenses } from '@/lib/services/licenses';

export type PurchaseResult = { orderId: string; licenseCount: number; amountFen: number; pricingModel: PricingModel; regionId: string };

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Buys licenses from the product page (MKT-2, MKT-3). The service checks everything again. */
export async function purchaseAction(_: ActionState<PurchaseResult>, form: FormData): Promise<ActionState<PurchaseResult>> {
  const productCode = text(form, 'productCode');
  if (!(await currentSession())) {
    redirect(`/sign-in?next=${encodeURIComponent(isProductCode(productCode) ? `/marketplace/products/${productCode}` : '/marketplace')}`);
  }
  const result = await runAction((actor) => {
    const regionId = text(form, 'regionId');
    const skuCode = text(form, 'skuCode');
    const quantityText = text(form, 'quantity');
    if (!isProductCode(productCode)) throw new CloudError('InvalidProductCode.NotFound', { productCode }, 'productCode');
    if (!regionId) throw new CloudError('RegionId.NotFound', { regionId }, 'regionId');
    if (!skuCode) throw new CloudError('InvalidSkuCode.NotFound', { skuCode }, 'skuCode');
    const quantity = /^\d{1,3}$/.test(quantityText) ? Number(quantityText) : Number.NaN;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_PURCHASE_QUANTITY) throw new CloudError('InvalidParameter.Quantity', {}, 'quantity');
    const order = purchaseLicenses(actor, { productCode, skuCode, regionId, quantity });
    return { orderId: order.orderId, licenseCount: order.licenseIds.length, amountFen: order.amountFen, pricingModel: order.pricingModel, regionId };
  });
  if (result?.ok) {
    revalidatePath(`/marketplace/products/${productCode}`);
    revalidatePath('/console', 'layout');
  }
  return result;
}
