'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { pricingModels } from '@/lib/domain/marketplace';
import { parseYuan } from '@/lib/domain/money';
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

/** Yuan as typed; anything malformed is passed on as -1 for the service to refuse (InvalidParameter.Price). */
const fenOf = (yuan: FormDataEntryValue | null) => parseYuan(String(yuan ?? '')) ?? -1;

const formArgs = z.object({ form: arg.form });
const productForm = z.object({ code: arg.id, form: arg.form });
const productArgs = z.object({ code: arg.id });

export async function createProductAction(_: ActionState<unknown>, form: FormData) {
  const result = await runParsed(formArgs, { form }, async (actor, args) => await createProduct(actor, infoOf(args.form)));
  if (!result?.ok) return result;
  redirect(`/seller/products/${result.data.code}`);
}

export async function updateProductAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, async (actor, args) => await updateProduct(actor, args.code, infoOf(args.form)));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function setVersionAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, async (actor, args) => await setVersion(actor, args.code, { version: args.form.get('version'), imageIds: args.form.getAll('imageIds').map(String) }));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function removeVersionAction(code: string, version: string) {
  const result = await runParsed(z.object({ code: arg.id, version: arg.id }), { code, version }, async (actor, args) => await removeVersion(actor, args.code, args.version));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function setSkusAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, async (actor, args) => {
    const chosen = pricingModels.filter((m) => args.form.get(`model-${m}`) === 'on').map((m) => ({ pricingModel: m, priceFen: m === 'free' ? 0 : fenOf(args.form.get(`price-${m}`)) }));
    return await setSkus(actor, args.code, chosen);
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
  const result = await runParsed(productArgs, { code }, async (actor, args) => await submitProduct(actor, args.code));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function delistProductAction(code: string) {
  const result = await runParsed(productArgs, { code }, async (actor, args) => await delistOwnProduct(actor, args.code));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function moveInterfaceAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(productForm, { code, form }, async (actor, args) => await moveInterface(actor, args.code, { interfaceUrl: args.form.get('interfaceUrl') }));
  revalidatePath('/seller/products', 'layout');
  return result;
}
