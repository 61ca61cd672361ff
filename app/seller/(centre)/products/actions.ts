'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionState } from '@/lib/auth/action';
import { pricingModels } from '@/lib/domain/marketplace';
import type { SellerActivity } from '@/lib/domain/seller-calls';
import { createProduct, debugInterface, delistOwnProduct, moveInterface, removeVersion, setSkus, setVersion, submitProduct, updateProduct } from '@/lib/services/publishing';

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

export async function createProductAction(_: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => createProduct(actor, infoOf(form)));
  if (!result?.ok) return result;
  redirect(`/seller/products/${result.data.code}`);
}

export async function updateProductAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => updateProduct(actor, code, infoOf(form)));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function setVersionAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => setVersion(actor, code, { version: form.get('version'), imageIds: form.getAll('imageIds').map(String) }));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function removeVersionAction(code: string, version: string) {
  const result = await runAction((actor) => removeVersion(actor, code, version));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function setSkusAction(code: string, _: ActionState<unknown>, form: FormData) {
  const chosen = pricingModels.filter((m) => form.get(`model-${m}`) === 'on').map((m) => ({ pricingModel: m, priceFen: m === 'free' ? 0 : fenOf(form.get(`price-${m}`)) }));
  const result = await runAction((actor) => setSkus(actor, code, chosen));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function debugAction(code: string, activity: SellerActivity) {
  const result = await runAction((actor) => debugInterface(actor, code, activity));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function submitProductAction(code: string) {
  const result = await runAction((actor) => submitProduct(actor, code));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function delistProductAction(code: string) {
  const result = await runAction((actor) => delistOwnProduct(actor, code));
  revalidatePath(`/seller/products/${code}`);
  return result;
}

export async function moveInterfaceAction(code: string, _: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => moveInterface(actor, code, { interfaceUrl: form.get('interfaceUrl') }));
  revalidatePath(`/seller/products/${code}`);
  return result;
}
