'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { markAllRead } from '@/lib/services/notifications';

export async function markAllReadAction() {
  const result = await runAction(async (actor) => await markAllRead(actor));
  revalidatePath('/console', 'layout');
  return result;
}
