'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { approveRefund, rejectRefund } from '@/lib/services/refunds';

/** REF-5: the service re-checks the rules; a refusal (e.g. the license was deployed meanwhile) comes back in words. */
export async function approveRefundAction(requestId: number, _state: ActionState<unknown>, _form: FormData) {
  const result = await runAction((actor) => void approveRefund(actor, Number(requestId)));
  revalidatePath('/admin', 'layout');
  return result;
}

export async function rejectRefundAction(requestId: number, _state: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => void rejectRefund(actor, Number(requestId), { note: form.get('note') }));
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
