'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { freezeInstance, unfreezeInstance } from '@/lib/services/freezes';

/** ADM-2: the owner reads the reason; the seller of the instance's product is told. */
export async function freezeAction(instanceId: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => void freezeInstance(actor, String(instanceId), { note: form.get('note') }));
  if (result?.ok) revalidatePath('/admin/instances');
  return result;
}

export async function unfreezeAction(instanceId: string, _state: ActionState<unknown>, _form: FormData) {
  const result = await runAction((actor) => void unfreezeInstance(actor, String(instanceId)));
  revalidatePath('/admin/instances');
  return result;
}
