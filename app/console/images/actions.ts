'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { copyImage, createImage, deleteImage, taskStates } from '@/lib/services/images';

export async function createImageAction(instanceId: string, input: { name: string; description: string }) {
  const result = await runAction((actor) => createImage(actor, { instanceId, ...input }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function copyImageAction(imageId: string, input: { destinationRegionId: string; name: string }) {
  const result = await runAction((actor) => copyImage(actor, { imageId, destinationRegionId: input.destinationRegionId, name: input.name || undefined }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function deleteImageAction(imageId: string) {
  const result = await runAction((actor) => deleteImage(actor, imageId));
  revalidatePath('/console', 'layout');
  return result;
}

export async function taskStatesAction(taskIds: string[]) {
  const result = await runAction((actor) => taskStates(actor, Array.isArray(taskIds) ? taskIds.filter((id) => typeof id === 'string') : []));
  return result?.ok ? result.data : [];
}
