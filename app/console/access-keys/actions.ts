'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { createAccessKey, deleteAccessKey, setAccessKeyStatus } from '@/lib/services/access-keys';

export async function createAccessKeyAction() {
  const result = await runAction((actor) => createAccessKey(actor));
  revalidatePath('/console/access-keys');
  return result;
}

export async function setAccessKeyStatusAction(accessKeyId: string, status: 'active' | 'disabled') {
  const result = await runAction((actor) => setAccessKeyStatus(actor, accessKeyId, status === 'active' ? 'active' : 'disabled'));
  revalidatePath('/console/access-keys');
  return result;
}

export async function deleteAccessKeyAction(accessKeyId: string) {
  const result = await runAction((actor) => deleteAccessKey(actor, accessKeyId));
  revalidatePath('/console/access-keys');
  return result;
}
