'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import { batchDeleteImages } from '@/lib/services/batch';
import { reportOutcomes } from '@/lib/auth/batch-report';
import { MAX_BATCH } from '@/lib/domain/batch';
import { copyImage, createImage, deleteImage, taskStates } from '@/lib/services/images';

// The service checks names and descriptions against the catalogue's rules; here, only their types.
const createArgs = z.object({ instanceId: arg.id, input: z.object({ name: z.string(), description: z.string(), imageFamily: z.string().max(200).optional() }) });

export async function createImageAction(instanceId: string, input: { name: string; description: string; imageFamily?: string }) {
  const result = await runParsed(createArgs, { instanceId, input }, async (actor, args) => await createImage(actor, { instanceId: args.instanceId, ...args.input }));
  revalidatePath('/console', 'layout');
  return result;
}

const copyArgs = z.object({ imageId: arg.id, input: z.object({ destinationRegionId: arg.id, name: z.string() }) });

export async function copyImageAction(imageId: string, input: { destinationRegionId: string; name: string }) {
  const result = await runParsed(copyArgs, { imageId, input }, async (actor, args) =>
    await copyImage(actor, { imageId: args.imageId, destinationRegionId: args.input.destinationRegionId, name: args.input.name || undefined }),
  );
  revalidatePath('/console', 'layout');
  return result;
}

export async function deleteImageAction(imageId: string) {
  const result = await runParsed(z.object({ imageId: arg.id }), { imageId }, async (actor, args) => await deleteImage(actor, args.imageId));
  revalidatePath('/console', 'layout');
  return result;
}

/** Issue 16: delete each selected image, reported per image. */
export async function batchDeleteImagesAction(imageIds: string[]) {
  const result = await runParsed(z.object({ imageIds: z.array(arg.id).min(1).max(MAX_BATCH) }), { imageIds }, async (actor, args) => reportOutcomes(await batchDeleteImages(actor, args.imageIds)));
  revalidatePath('/console', 'layout');
  return result;
}

export async function taskStatesAction(taskIds: string[]) {
  const result = await runParsed(z.object({ taskIds: z.array(arg.id).max(100) }), { taskIds }, async (actor, args) => await taskStates(actor, args.taskIds));
  return result?.ok ? result.data : [];
}
