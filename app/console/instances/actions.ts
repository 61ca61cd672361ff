'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { arg, runAction, runParsed, type ActionState } from '@/lib/auth/action';
import { describeInstances, lifecycleChange, reInitDisk, replaceSystemDisk, runInstances } from '@/lib/services/instances';
import { batchInstances } from '@/lib/services/batch';
import { reportOutcomes } from '@/lib/auth/batch-report';
import { MAX_BATCH } from '@/lib/domain/batch';
import { modifyInstanceAttribute } from '@/lib/services/instance-attributes';
import { previewLaunch } from '@/lib/services/launch-preview';
import { marketplaceLaunchPage } from '@/lib/services/launch-wizard';
import { quoteRenewal, renewInstance } from '@/lib/services/subscriptions';

const formArgs = z.object({ form: arg.form });

export async function launchAction(_: ActionState<unknown>, form: FormData): Promise<ActionState<unknown>> {
  const result = await runParsed(formArgs, { form }, async (actor, { form }) =>
    await runInstances(actor, {
      regionId: form.get('regionId'),
      imageId: form.get('imageId'),
      // Issue 17: the wizard's "latest of family" sends the family; the launch resolves it.
      imageFamily: form.get('imageFamily') ?? undefined,
      instanceTypeId: form.get('instanceTypeId'),
      amount: form.get('amount'),
      name: form.get('name') ?? undefined,
      skuCode: form.get('skuCode') ?? undefined,
      buyShortfall: form.get('buyShortfall') ?? undefined,
    }),
  );
  if (!result?.ok) return result;
  revalidatePath('/console/instances');
  // The list opens on the region launched into (issue 16: the list is scoped to its URL's region).
  const region = form.get('regionId');
  redirect(`/console/instances?${new URLSearchParams({ launched: String(result.data.instanceIds.length), ...(typeof region === 'string' ? { region } : {}) })}`);
}

const lifecycleArgs = z.object({ instanceId: arg.id, action: z.enum(['start', 'stop', 'release']) });

export async function instanceAction(instanceId: string, action: 'start' | 'stop' | 'release') {
  const result = await runParsed(lifecycleArgs, { instanceId, action }, async (actor, args) => void (await lifecycleChange(args.action)(actor, args.instanceId)));
  revalidatePath('/console/instances', 'layout');
  return result;
}

/** Issue 16: start, stop or release each selected instance, reported per instance. */
export async function batchInstanceAction(action: 'start' | 'stop' | 'release', instanceIds: string[]) {
  const result = await runParsed(z.object({ action: lifecycleArgs.shape.action, instanceIds: z.array(arg.id).min(1).max(MAX_BATCH) }), { action, instanceIds }, async (actor, args) => reportOutcomes(await batchInstances(actor, args.action, args.instanceIds)));
  revalidatePath('/console/instances', 'layout');
  return result;
}

/** How many of the caller's instances are still booting; the list polls this. */
export async function pendingCountAction(): Promise<number> {
  const result = await runAction(async (actor) => (await describeInstances(actor, { status: 'Pending', pageSize: 1 })).total);
  return result?.ok ? result.data : 0;
}

export async function replaceDiskAction(instanceId: string, imageId: string) {
  const result = await runParsed(z.object({ instanceId: arg.id, imageId: arg.id }), { instanceId, imageId }, async (actor, args) => void await replaceSystemDisk(actor, args));
  revalidatePath('/console', 'layout');
  return result;
}

export async function reinitDiskAction(instanceId: string) {
  const result = await runParsed(z.object({ instanceId: arg.id }), { instanceId }, async (actor, args) => void await reInitDisk(actor, args.instanceId));
  revalidatePath('/console', 'layout');
  return result;
}

const previewArgs = z.object({ regionId: arg.id, imageId: arg.id, instanceTypeId: arg.id, amount: z.number() });

/** The live entitlement preview of the launch wizard (product.md §10); the service checks the amount's range. */
export async function previewLaunchAction(input: { regionId: string; imageId: string; instanceTypeId: string; amount: number }) {
  return runParsed(previewArgs, input, async (actor, args) => await previewLaunch(actor, args));
}

const marketplacePageArgs = z.object({ regionId: arg.id, q: z.string().max(100), page: z.number().int().min(1).max(10_000) });

/** A page of the launch wizard's marketplace products, searched (issue 13: not every product of the region in the page). */
export async function marketplacePageAction(input: { regionId: string; q: string; page: number }) {
  return runParsed(marketplacePageArgs, input, async (actor, args) => await marketplaceLaunchPage(actor, args));
}

/** The renewal's order review (issue 16): what Renew would charge, changing nothing. */
export async function renewQuoteAction(instanceId: string, periods: number) {
  return runParsed(z.object({ instanceId: arg.id, periods: z.number().int() }), { instanceId, periods }, async (actor, args) => await quoteRenewal(actor, args));
}

export async function renewAction(instanceId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(z.object({ instanceId: arg.id, form: arg.form }), { instanceId, form }, async (actor, args) =>
    await renewInstance(actor, { instanceId: args.instanceId, periods: args.form.get('periods'), clientToken: args.form.get('clientToken') || undefined }),
  );
  revalidatePath('/console/instances', 'layout');
  return result;
}

/** Issue 16: a new name for one of the caller's instances (ModifyInstanceAttribute). */
export async function renameInstanceAction(instanceId: string, _: ActionState<unknown>, form: FormData) {
  const result = await runParsed(z.object({ instanceId: arg.id, form: arg.form }), { instanceId, form }, async (actor, args) => await modifyInstanceAttribute(actor, { instanceId: args.instanceId, instanceName: args.form.get('instanceName') }));
  revalidatePath('/console/instances', 'layout');
  return result;
}
