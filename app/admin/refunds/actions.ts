'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { approveRefund, rejectRefund } from '@/lib/services/refunds';

const decision = z.object({ requestId: arg.rowId, form: arg.form });

/** REF-5: the service re-checks the rules; a refusal (e.g. the license was deployed meanwhile) comes back in words. */
export async function approveRefundAction(requestId: number, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { requestId, form }, async (actor, args) => void await approveRefund(actor, args.requestId));
  revalidatePath('/admin', 'layout');
  return result;
}

export async function rejectRefundAction(requestId: number, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { requestId, form }, async (actor, args) => void await rejectRefund(actor, args.requestId, { note: args.form.get('note') }));
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
