'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { createBucket, deleteBucket, deleteObject, grantImportRole } from '@/lib/services/storage';

export async function createBucketAction(_: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => createBucket(actor, { regionId: String(form.get('regionId') ?? ''), name: String(form.get('name') ?? '') }));
  revalidatePath('/console/buckets');
  return result;
}

export async function deleteBucketAction(bucketId: string) {
  const result = await runAction((actor) => deleteBucket(actor, bucketId));
  revalidatePath('/console/buckets');
  return result;
}

export async function deleteObjectAction(objectId: string) {
  const result = await runAction((actor) => deleteObject(actor, objectId));
  revalidatePath('/console/buckets', 'layout');
  return result;
}

export async function grantImportRoleAction() {
  const result = await runAction((actor) => grantImportRole(actor));
  revalidatePath('/console', 'layout');
  return result;
}
