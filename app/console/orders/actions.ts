'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { requestInvoice, requestRefund, voidInvoice } from '@/lib/services/refunds';

export async function requestRefundAction(orderId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => requestRefund(actor, { orderId, reason: form.get('reason') }));
  revalidatePath(`/console/orders/${orderId}`);
  return result;
}

export async function issueInvoiceAction(orderId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => requestInvoice(actor, { orderId, title: form.get('title'), taxId: form.get('taxId') ?? undefined }));
  revalidatePath(`/console/orders/${orderId}`);
  return result;
}

export async function voidInvoiceAction(orderId: string) {
  const result = await runAction((actor) => voidInvoice(actor, orderId));
  revalidatePath(`/console/orders/${orderId}`);
  return result;
}
