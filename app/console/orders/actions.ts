'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { requestRefund } from '@/lib/services/refunds';
import { requestInvoice, voidInvoice } from '@/lib/services/invoices';

const orderForm = z.object({ orderId: arg.id, form: arg.form });

export async function requestRefundAction(orderId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(orderForm, { orderId, form }, async (actor, args) => await requestRefund(actor, { orderId: args.orderId, reason: args.form.get('reason') }));
  revalidatePath('/console/orders', 'layout');
  return result;
}

export async function issueInvoiceAction(orderId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(orderForm, { orderId, form }, async (actor, args) =>
    await requestInvoice(actor, { orderId: args.orderId, title: args.form.get('title'), taxId: args.form.get('taxId') ?? undefined }),
  );
  revalidatePath('/console/orders', 'layout');
  return result;
}

export async function voidInvoiceAction(orderId: string) {
  const result = await runParsed(z.object({ orderId: arg.id }), { orderId }, async (actor, args) => await voidInvoice(actor, args.orderId));
  revalidatePath('/console/orders', 'layout');
  return result;
}
