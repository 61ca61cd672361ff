'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runAction, runParsed } from '@/lib/auth/action';
import { createSellerKey, deleteSellerKey } from '@/lib/services/seller-keys';

export async function createSellerKeyAction() {
  const result = await runAction(async (actor) => await createSellerKey(actor));
  revalidatePath('/seller/keys');
  return result;
}

export async function deleteSellerKeyAction(keyId: string) {
  const result = await runParsed(z.object({ keyId: arg.id }), { keyId }, async (actor, args) => await deleteSellerKey(actor, args.keyId));
  revalidatePath('/seller/keys');
  return result;
}
