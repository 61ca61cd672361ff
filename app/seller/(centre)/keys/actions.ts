'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { createSellerKey, deleteSellerKey } from '@/lib/services/seller-keys';

export async function createSellerKeyAction() {
  const result = await runAction((actor) => createSellerKey(actor));
  revalidatePath('/seller/keys');
  return result;
}

export async function deleteSellerKeyAction(keyId: string) {
  const result = await runAction((actor) => deleteSellerKey(actor, keyId));
  revalidatePath('/seller/keys');
  return result;
}
