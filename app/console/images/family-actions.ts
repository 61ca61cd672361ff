'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import { modifyImageAttribute } from '@/lib/services/image-family';

// Issue 17: an image's family and its deprecation; the service checks the family's rule and the successor.
export async function setImageFamilyAction(imageId: string, imageFamily: string) {
  const result = await runParsed(z.tuple([arg.id, z.string().max(200)]), [imageId, imageFamily], async (actor, [id, family]) => await modifyImageAttribute(actor, { imageId: id, imageFamily: family }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function deprecateImageAction(imageId: string, successorImageId: string) {
  const result = await runParsed(z.tuple([arg.id, z.string().max(64)]), [imageId, successorImageId], async (actor, [id, successor]) => await modifyImageAttribute(actor, { imageId: id, status: 'Deprecated', successorImageId: successor || undefined }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function undeprecateImageAction(imageId: string) {
  const result = await runParsed(arg.id, imageId, async (actor, id) => await modifyImageAttribute(actor, { imageId: id, status: 'Available' }));
  revalidatePath('/console', 'layout');
  return result;
}
