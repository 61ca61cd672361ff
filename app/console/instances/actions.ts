'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionState } from '@/lib/auth/action';
import { describeInstances, reInitDisk, releaseInstance, replaceSystemDisk, runInstances, startInstance, stopInstance } from '@/lib/services/instances';
import { previewLaunch } from '@/lib/services/launch-preview';
import { renewInstance } from '@/lib/services/subscriptions';

export async function launchAction(_: ActionState<unknown>, form: FormData): Promise<ActionState<unknown>> {
  const result = await runAction((actor) =>
    runInstances(actor, {
      regionId: form.get('regionId'),
      imageId: form.get('imageId'),
      instanceTypeId: form.get('instanceTypeId'),
      amount: form.get('amount'),
      name: form.get('name') ?? undefined,
      skuCode: form.get('skuCode') ?? undefined,
      buyShortfall: form.get('buyShortfall') ?? undefined,
    }),
  );
  if (!result?.ok) return result;
  revalidatePath('/console/instances');
  redirect(`/console/instances?launched=${result.data.instanceIds.length}`);
}

const lifecycle = { start: startInstance, stop: stopInstance, release: releaseInstance };

export async function instanceAction(instanceId: string, action: keyof typeof lifecycle) {
  const change = lifecycle[action];
  if (!change) return null;
  const result = await runAction((actor) => void change(actor, instanceId));
  revalidatePath('/console/instances', 'layout');
  return result;
}

/** How many of the caller's instances are still booting; the list polls this. */
export async function pendingCountAction(): Promise<number> {
  const result = await runAction((actor) => describeInstances(actor, { status: 'Pending', pageSize: 1 }).total);
  return result?.ok ? result.data : 0;
}

export async function replaceDiskAction(instanceId: string, imageId: string) {
  const result = await runAction((actor) => void replaceSystemDisk(actor, { instanceId, imageId }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function reinitDiskAction(instanceId: string) {
  const result = await runAction((actor) => void reInitDisk(actor, instanceId));
  revalidatePath('/console', 'layout');
  return result;
}

/** The live entitlement preview of the launch wizard (product.md §10). */
export async function previewLaunchAction(input: { regionId: string; imageId: string; amount: number }) {
  return runAction((actor) => previewLaunch(actor, input));
}

export async function renewAction(instanceId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runAction((actor) => renewInstance(actor, { instanceId, periods: form.get('periods'), clientToken: form.get('clientToken') || undefined }));
  revalidatePath(`/console/instances/${instanceId}`);
  return result;
}
