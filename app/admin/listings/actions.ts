'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { approveListing, rejectListing } from '@/lib/services/publishing';

/** ADM-1: approving re-runs the automatic checks (SEL-7) and lists the product. */
export async function approveListingAction(code: string, _state: ActionState<unknown>, _form: FormData) {
  const result = await runAction((actor) => approveListing(actor, code));
  revalidatePath('/admin', 'layout');
  return result;
}

export async function rejectListingAction(code: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => rejectListing(actor, code, { note: form.get('note') }));
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
