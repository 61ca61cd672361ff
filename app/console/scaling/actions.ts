'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import { parseYuan } from '@/lib/domain/money';
import { createScalingGroup, deleteScalingGroup, modifyScalingGroup, quoteGroupReservation, reserveGroupLicenses, scheduleDesiredCapacity, setDesiredCapacity } from '@/lib/services/scaling-groups';
import { reconcileGroup } from '@/lib/services/scaling-reconcile';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
/** A cap typed in yuan; what is not an amount is sent on as is, for the service to refuse. */
const capFen = (form: FormData) => parseYuan(text(form, 'spendingCap') || '0') ?? text(form, 'spendingCap');

/** The wizard's image select names an image, or `family:<name>` to follow a family (issue 17). */
const imageOrFamily = (choice: string) => (choice.startsWith('family:') ? { imageFamily: choice.slice('family:'.length) } : { imageId: choice });

export async function createGroupAction(_: unknown, form: FormData) {
  const result = await runParsed(z.object({ form: arg.form }), { form }, async (actor, { form }) =>
    await createScalingGroup(actor, {
      name: text(form, 'name'),
      regionId: text(form, 'regionId'),
      ...imageOrFamily(text(form, 'imageId')),
      instanceTypeId: text(form, 'instanceTypeId'),
      minSize: text(form, 'minSize'),
      maxSize: text(form, 'maxSize'),
      desired: text(form, 'desired'),
      removalPolicy: text(form, 'removalPolicy'),
      licenseMode: text(form, 'licenseMode'),
      spendingCapFen: capFen(form),
    }),
  );
  if (!result?.ok) return result;
  // The owner sees the group come up at once; the job queued with it then finds nothing to do.
  await runParsed(z.object({ id: arg.id }), { id: result.data.id }, async (actor, { id }) => await reconcileGroup(actor, id, 'desired'));
  redirect(`/console/scaling/${result.data.id}`);
}

export async function setDesiredAction(groupId: string, _: unknown, form: FormData) {
  const result = await runParsed(z.object({ groupId: arg.id, form: arg.form }), { groupId, form }, async (actor, args) => {
    await setDesiredCapacity(actor, args.groupId, text(args.form, 'desired'));
    await reconcileGroup(actor, args.groupId, 'desired');
    return null;
  });
  revalidatePath(`/console/scaling/${groupId}`);
  return result;
}

export async function scheduleAction(groupId: string, _: unknown, form: FormData) {
  const result = await runParsed(z.object({ groupId: arg.id, form: arg.form }), { groupId, form }, async (actor, args) => {
    await scheduleDesiredCapacity(actor, args.groupId, { runAt: text(args.form, 'runAt'), desired: text(args.form, 'desired') });
    return null;
  });
  revalidatePath(`/console/scaling/${groupId}`);
  return result;
}

/** The license pool's choice: buy on scale-out within a cap (the cap is the form's). */
export async function buyOnScaleOutAction(groupId: string, _: unknown, form: FormData) {
  const result = await runParsed(z.object({ groupId: arg.id, form: arg.form }), { groupId, form }, async (actor, args) => {
    await modifyScalingGroup(actor, args.groupId, { licenseMode: 'buy', spendingCapFen: capFen(args.form) });
    return null;
  });
  revalidatePath(`/console/scaling/${groupId}`);
  return result;
}

/** What the reservation will buy and charge, for its review dialog: priced now by the code that charges it. */
export async function reserveQuoteAction(groupId: string) {
  return runParsed(z.object({ groupId: arg.id }), { groupId }, async (actor, args) => await quoteGroupReservation(actor, args.groupId));
}

export async function reserveAction(groupId: string, _: unknown, form: FormData) {
  const result = await runParsed(z.object({ groupId: arg.id, form: arg.form }), { groupId, form }, async (actor, args) =>
    // The quantity and total the owner reviewed: the service refuses when they are no longer what it would buy.
    await reserveGroupLicenses(actor, args.groupId, { clientToken: text(args.form, 'clientToken') || undefined, quantity: text(args.form, 'quantity'), amountFen: text(args.form, 'amountFen') }),
  );
  revalidatePath(`/console/scaling/${groupId}`);
  return result;
}

export async function deleteGroupAction(groupId: string) {
  const result = await runParsed(z.object({ groupId: arg.id }), { groupId }, async (actor, args) => await deleteScalingGroup(actor, args.groupId));
  revalidatePath('/console/scaling');
  return result;
}
