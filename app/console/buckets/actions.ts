'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runAction, runParsed, type ActionState } from '@/lib/auth/action';
import { createBucket, deleteBucket, deleteObject, grantImportRole } from '@/lib/services/storage';

export async function createBucketAction(_: ActionState<unknown>, form: FormData) {
  const result = await runParsed(z.object({ form: arg.form }), { form }, async (actor, { form }) =>
    await createBucket(actor, { regionId: String(form.get('regionId') ?? ''), name: String(form.get('name') ?? '') }),
  );
  revalidatePath('/console/buckets');
  return result;
}

export async function deleteBucketAction(bucketId: string) {
  const result = await runParsed(z.object({ bucketId: arg.id }), { bucketId }, async (actor, args) => await deleteBucket(actor, args.bucketId));
  revalidatePath('/console/buckets');
  return result;
}

export async function deleteObjectAction(objectId: string) {
  const result = await runParsed(z.object({ objectId: arg.id }), { objectId }, async (actor, args) => await deleteObject(actor, args.objectId));
  revalidatePath('/console/buckets', 'layout');
  return result;
}

export async function grantImportRoleAction() {
  const result = await runAction(async (actor) => await grantImportRole(actor));
  revalidatePath('/console', 'layout');
  return result;
}
