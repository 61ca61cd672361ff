'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { approveListing, rejectListing } from '@/lib/services/listing-review';

const decision = z.object({ code: arg.id, form: arg.form });

/** ADM-1: approving re-runs the automatic checks (SEL-7) and lists the product. */
export async function approveListingAction(code: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { code, form }, async (actor, args) => await approveListing(actor, args.code));
  revalidatePath('/admin', 'layout');
  return result;
}

export async function rejectListingAction(code: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { code, form }, async (actor, args) => await rejectListing(actor, args.code, { note: args.form.get('note') }));
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
