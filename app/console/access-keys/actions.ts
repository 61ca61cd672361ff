'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runAction, runParsed } from '@/lib/auth/action';
import { createAccessKey, deleteAccessKey, setAccessKeyStatus } from '@/lib/services/access-keys';

export async function createAccessKeyAction() {
  const result = await runAction(async (actor) => await createAccessKey(actor));
  revalidatePath('/console/access-keys');
  return result;
}

const statusArgs = z.object({ accessKeyId: arg.id, status: z.enum(['active', 'disabled']) });

export async function setAccessKeyStatusAction(accessKeyId: string, status: 'active' | 'disabled') {
  const result = await runParsed(statusArgs, { accessKeyId, status }, async (actor, args) => await setAccessKeyStatus(actor, args.accessKeyId, args.status));
  revalidatePath('/console/access-keys');
  return result;
}

export async function deleteAccessKeyAction(accessKeyId: string) {
  const result = await runParsed(z.object({ accessKeyId: arg.id }), { accessKeyId }, async (actor, args) => await deleteAccessKey(actor, args.accessKeyId));
  revalidatePath('/console/access-keys');
  return result;
}
