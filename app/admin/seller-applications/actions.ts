'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { approveApplication, rejectApplication } from '@/lib/services/seller-applications';

/** ADM-1: approval makes the applicant a seller; the service checks the admin role and that the application still waits. */
export async function approveApplicationAction(applicationId: number, _state: ActionState<unknown>, _form: FormData) {
  const result = await runAction((actor) => void approveApplication(actor, Number(applicationId)));
  revalidatePath('/admin', 'layout');
  return result;
}

export async function rejectApplicationAction(applicationId: number, _state: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => void rejectApplication(actor, Number(applicationId), { note: form.get('note') }));
  if (result?.ok) revalidatePath('/admin', 'layout');
  return result;
}
