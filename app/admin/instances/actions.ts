'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { freezeInstance, unfreezeInstance } from '@/lib/services/freezes';

const decision = z.object({ instanceId: arg.id, form: arg.form });

/** ADM-2: the owner reads the reason; the seller of the instance's product is told. */
export async function freezeAction(instanceId: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { instanceId, form }, async (actor, args) => void await freezeInstance(actor, args.instanceId, { note: args.form.get('note') }));
  if (result?.ok) revalidatePath('/admin/instances');
  return result;
}

export async function unfreezeAction(instanceId: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runParsed(decision, { instanceId, form }, async (actor, args) => void await unfreezeInstance(actor, args.instanceId));
  revalidatePath('/admin/instances');
  return result;
}
