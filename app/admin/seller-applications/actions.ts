'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { approveApplication, rejectApplication } from '@/lib/services/seller-applications';

const decision = z.object({ applicationId: arg.rowId, form: arg.form });

/** ADM-1: approval makes the applicant a seller; the service checks the admin role and that the application still waits. */
export async function approveApplicationAction(applicationId: number, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { applicationId, form }, async (actor, args) => void await approveApplication(actor, args.applicationId));
  revalidatePath('/admin', 'layout');
  return result;
}

export async function rejectApplicationAction(applicationId: number, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { applicationId, form }, async (actor, args) => void await rejectApplication(actor, args.applicationId, { note: args.form.get('note') }));
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
