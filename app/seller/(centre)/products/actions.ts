'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { pricingModels } from '@/lib/domain/marketplace';
import { sellerActivities, type SellerActivity } from '@/lib/domain/seller-calls';
import { createProduct, delistOwnProduct, moveInterface, submitProduct, updateProduct } from '@/lib/services/products';
import { debugInterface } from '@/lib/services/interface-debug';
import { removeVersion, setSkus, setVersion } from '@/lib/services/product-versions';

const infoOf = (form: FormData) => ({
  title: form.get('title'),
  category: form.get('category'),
  summary: form.get('summary'),
  description: form.get('description'),
  interfaceUrl: form.get('interfaceUrl'),
});

/** Yuan with up to two decimals, as typed; anything else is passed on as invalid for the service to refuse. */
const fenOf = (yuan: FormDataEntryValue | null) => {
  const text = String(yuan ?? '').trim();
  return /^\d{1,7}(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : -1;
};

const formArgs = z.object({ form: arg.form });
const productForm = z.object({ code: arg.id, form: arg.form });
const productArgs = z.object({ code: arg.id });

export async function createProductAction(_: ActionState<unknown>, form: FormData) {
  const result = await runParsed(formArgs, { form }, (actor, args) => createProduct(actor, infoOf(args.form)));
  if (!result?.ok) return result;
  redirect(`/seller/products/${result.data.code}`);
}

export async function updateProductAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, (actor, args) => updateProduct(actor, args.code, infoOf(args.form)));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function setVersionAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, (actor, args) => setVersion(actor, args.code, { version: args.form.get('version'), imageIds: args.form.getAll('imageIds').map(String) }));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function removeVersionAction(code: string, version: string) {
  const result = await runParsed(z.object({ code: arg.id, version: arg.id }), { code, version }, (actor, args) => removeVersion(actor, args.code, args.version));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function setSkusAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, (actor, args) => {
    const chosen = pricingModels.filter((m) => args.form.get(`model-${m}`) === 'on').map((m) => ({ pricingModel: m, priceFen: m === 'free' ? 0 : fenOf(args.form.get(`price-${m}`)) }));
    return setSkus(actor, args.code, chosen);
  });
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function debugAction(code: string, activity: SellerActivity) {
  const result = await runParsed(z.object({ code: arg.id, activity: z.enum(sellerActivities) }), { code, activity }, (actor, args) => debugInterface(actor, args.code, args.activity));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function submitProductAction(code: string) {
  const result = await runParsed(productArgs, { code }, (actor, args) => submitProduct(actor, args.code));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function delistProductAction(code: string) {
  const result = await runParsed(productArgs, { code }, (actor, args) => delistOwnProduct(actor, args.code));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function moveInterfaceAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, (actor, args) => moveInterface(actor, args.code, { interfaceUrl: args.form.get('interfaceUrl') }));
  revalidatePath('/seller/products', 'layout');
  return result;
}
