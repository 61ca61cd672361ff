'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import type { ImportInput } from '@/lib/domain/imports';
import { cancelTask, importImage } from '@/lib/services/imports';

export async function importImageAction(input: ImportInput) {
  const result = await runAction((actor) => importImage(actor, input));
  revalidatePath('/console', 'layout');
  return result;
}

export async function cancelTaskAction(taskId: string) {
  const result = await runAction((actor) => cancelTask(actor, taskId));
  revalidatePath('/console', 'layout');
  return result;
}
