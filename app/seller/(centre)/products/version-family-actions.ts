'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import { modifyProductVersion } from '@/lib/services/image-family';

// Issue 17: a listed version's family and deprecation, applied to its image in every region.
const versionArgs = z.tuple([arg.id, arg.id, z.string().max(200)]);

export async function setVersionFamilyAction(code: string, version: string, imageFamily: string) {
  const result = await runParsed(versionArgs, [code, version, imageFamily], async (actor, [c, v, family]) => await modifyProductVersion(actor, c, v, { imageFamily: family }));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function deprecateVersionAction(code: string, version: string, successorVersion: string) {
  const result = await runParsed(versionArgs, [code, version, successorVersion], async (actor, [c, v, successor]) => await modifyProductVersion(actor, c, v, { status: 'Deprecated', successorVersion: successor || undefined }));
  revalidatePath('/seller/products', 'layout');
  return result;
}

export async function undeprecateVersionAction(code: string, version: string) {
  const result = await runParsed(z.tuple([arg.id, arg.id]), [code, version], async (actor, [c, v]) => await modifyProductVersion(actor, c, v, { status: 'Available' }));
  revalidatePath('/seller/products', 'layout');
  return result;
}
