'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { currentSession } from '@/lib/auth/session';
import type { PurchaseResult } from '@/components/marketplace/purchase-panel';
import { isProductCode } from '@/lib/domain/marketplace';
import { purchaseLicenses, quoteLicenses } from '@/lib/services/orders';

function text(form: unknown, name: string): string {
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === 'string' ? value.trim() : '';
}

/** Buys licenses from the product page (MKT-2, MKT-3). The service checks everything again. */
export async function purchaseAction(_: ActionState<PurchaseResult>, form: FormData): Promise<ActionState<PurchaseResult>> {
  const productCode = text(form, 'productCode');
  if (!(await currentSession())) {
    redirect(`/sign-in?next=${encodeURIComponent(isProductCode(productCode) ? `/marketplace/products/${productCode}` : '/marketplace')}`);
  }
  // The service validates every field (and audits refusals): the form is passed as it came.
  const result = await runParsed(z.object({ form: arg.form }), { form }, async (actor, { form }) => {
    const order = await purchaseLicenses(actor, { productCode, skuCode: text(form, 'skuCode'), regionId: text(form, 'regionId'), quantity: text(form, 'quantity'), clientToken: text(form, 'clientToken') || undefined });
    return { orderId: order.orderId, licenseCount: order.licenseIds.length, amountFen: order.amountFen, pricingModel: order.pricingModel, regionId: text(form, 'regionId') };
  });
  if (result?.ok) {
    revalidatePath(`/marketplace/products/${productCode}`); // a code the purchase found
    revalidatePath('/console', 'layout');
  }
  return result;
}

/** The purchase's order review (issue 16): what Buy would charge, refused the same way, changing nothing. */
export async function quotePurchaseAction(input: { productCode: string; skuCode: string; regionId: string; quantity: string }) {
  return runParsed(z.object({ productCode: arg.id, skuCode: arg.id, regionId: arg.id, quantity: z.string().max(16) }), input, async (actor, args) => await quoteLicenses(actor, args));
}
