// Sharing custom images between accounts (SHR-1 … SHR-13): ModifyImageSharePermission,
// DescribeImageSharePermission, declining a share, and what removing one would break.
import { and, count, eq, gte, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, imageShares, instances, users } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { isAccountId } from '../domain/ids';
import { authorize } from '../domain/permissions';
import { chinaDayStart } from '../domain/calendar';
import { checkShareRequest, decideShareChange } from '../domain/sharing';
import { parseInput } from '../domain/validation';
import { requireVisibleImage, type Image } from './catalogue';
import { once } from './idempotency';
import { imagesCountedInQuota } from './images';
import { notify } from './notifications';
import { readSettings } from './settings';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { lockForCount, oneAfterAnother } from '../../db/portable';

const target = z.string().trim().min(1).max(254);
const modifySchema = z.object({
  imageId: z.string().min(1),
  addAccounts: z.array(target).default([]),
  removeAccounts: z.array(target).default([]),
  clientToken: z.string().max(64).optional(),
});

const shareResult = z.object({ added: z.array(z.string()), removed: z.array(z.string()), alreadyShared: z.array(z.string()), notShared: z.array(z.string()) });
export type ShareResult = z.infer<typeof shareResult>;

/** SHR-10: an account id, or the email of one of the account's users. */
async function resolveAccount(db: Db | Tx, given: string): Promise<string> {
  if (isAccountId(given)) {
    if ((await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, given)).limit(1)).at(0)) return given;
  } else {
    const user = (await db.select({ accountId: users.accountId }).from(users).where(eq(users.email, given.toLowerCase())).limit(1)).at(0);
    if (user) return user.accountId;
  }
  throw new CloudError('InvalidAccount.NotFound', { account: given }, 'addAccounts');
}

async function activeShares(db: Db | Tx, imageId: string) {
  return await db.select().from(imageShares).where(and(eq(imageShares.imageId, imageId), isNull(imageShares.removedAt)));
}

async function sharesMadeToday(db: Db | Tx, ownerAccountId: string): Promise<number> {
  return (await db.select({ n: count() }).from(imageShares).where(and(eq(imageShares.ownerAccountId, ownerAccountId), gte(imageShares.sharedAt, chinaDayStart(clock.now())) /* SHR-4: a China day */)).limit(1)).at(0)?.n ?? 0;
}

/**
 * Before the caps are counted: the owner's account, whose shares SHR-3 (only an image's owner
 * shares it) and SHR-4 count, and each recipient's, whose images SHR-6 counts (db/portable.ts
 * lockForCount). In id order, so two owners sharing with each other at once wait, not deadlock.
 */
async function lockCountedAccounts(tx: Tx, accountIds: string[]): Promise<void> {
  for (const id of [...new Set(accountIds)].sort()) await lockForCount(tx, accounts, id);
}

/** ModifyImageSharePermission: add and remove recipients of one of the caller's custom images. */
export async function modifyImageSharePermission(actor: Actor, input: unknown): Promise<ShareResult> {
  return await mutate(actor, 'ModifyImageSharePermission', async (tx, note) => {
    authorize(actor, 'image.share');
    const request = parseInput(modifySchema, input, { imageId: 'InvalidImageId.NotFound', addAccounts: 'InvalidAccount.Malformed', removeAccounts: 'InvalidAccount.Malformed' });
    note.target = request.imageId;
    const { clientToken, ...parameters } = request;
    return await once(tx, actor, 'ModifyImageSharePermission', clientToken, parameters, shareResult, async () => {
      const { image, alias } = await requireVisibleImage(tx, actor, request.imageId);
      const settings = await readSettings(tx);
      checkShareRequest(alias, request.addAccounts, request.removeAccounts);
      const adding = await oneAfterAnother(request.addAccounts, async (a) => await resolveAccount(tx, a));
      const removing = await oneAfterAnother(request.removeAccounts, async (a) => await resolveAccount(tx, a));
      await lockCountedAccounts(tx, [actor.accountId, ...adding]);
      const change = decideShareChange(
        {
          alias,
          callerAccountId: actor.accountId,
          current: (await activeShares(tx, image.id)).map((s) => s.recipientAccountId),
          sharesToday: await sharesMadeToday(tx, actor.accountId),
          maxRecipients: settings.shareAccountsPerImage,
          maxSharesPerDay: settings.sharesPerDay,
        },
        adding,
        removing,
      );
      const now = clock.now();
      const owner = (await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, actor.accountId)).limit(1)).at(0)!;
      const params = { imageName: image.name, imageId: image.id, regionId: image.regionId, owner: owner.name, ownerAccountId: actor.accountId };
      for (const recipient of change.add) {
        // SHR-6: a shared image counts toward the recipient's image quota.
        if (await imagesCountedInQuota(tx, recipient, image.regionId) >= settings.imageQuotaPerRegion) throw new CloudError('QuotaExceed.Image', { regionId: image.regionId, account: recipient }, 'addAccounts');
        await tx.insert(imageShares).values({ imageId: image.id, ownerAccountId: actor.accountId, recipientAccountId: recipient, sharedAt: now });
        await notify(tx, recipient, 'imageShared', params);
      }
      if (change.remove.length) {
        await tx.update(imageShares)
          .set({ removedAt: now, removedBy: 'owner' })
          .where(and(eq(imageShares.imageId, image.id), inArray(imageShares.recipientAccountId, change.remove), isNull(imageShares.removedAt)));
        for (const recipient of change.remove) await notify(tx, recipient, 'imageUnshared', params);
      }
      note.detail = { added: change.add, removed: change.remove };
      return { added: change.add, removed: change.remove, alreadyShared: change.alreadyShared, notShared: change.notShared };
    });
  });
}

export type Recipient = { accountId: string; accountName: string; sharedAt: Date; instances: number };

/** SHR-12: per recipient, how many of its instances run the image (they would lose ReInitDisk, SHR-9). */
async function recipientsOf(db: Db | Tx, image: Image): Promise<Recipient[]> {
  return await oneAfterAnother((await activeShares(db, image.id)), async (share) => ({
    accountId: share.recipientAccountId,
    accountName: (await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, share.recipientAccountId)).limit(1)).at(0)?.name ?? '',
    sharedAt: share.sharedAt,
    instances:
      (await db
        .select({ n: count() })
        .from(instances)
        .where(and(eq(instances.imageId, image.id), eq(instances.accountId, share.recipientAccountId), ne(instances.status, 'Released'))).limit(1)).at(0)?.n ?? 0,
  }));
}

export type SharePermission = { imageId: string; regionId: string; recipients: Recipient[]; maxRecipients: number; sharesLeftToday: number };

/** DescribeImageSharePermission: the owner's view; to anyone else the image does not exist. */
export async function describeImageSharePermission(actor: Actor, imageId: string): Promise<SharePermission> {
  authorize(actor, 'image.share');
  return await read(async (db) => {
    const { image, alias } = await requireVisibleImage(db, actor, imageId);
    if (alias !== 'self') throw new CloudError('InvalidImageId.NotFound', { imageId }, 'imageId');
    const settings = await readSettings(db);
    return {
      imageId: image.id,
      regionId: image.regionId,
      recipients: await recipientsOf(db, image),
      maxRecipients: settings.shareAccountsPerImage,
      sharesLeftToday: Math.max(0, settings.sharesPerDay - await sharesMadeToday(db, actor.accountId)),
    };
  });
}

/** SHR-8: the recipient declines a share; it ends, the owner is told, and it can no longer launch (SHR-13). */
export async function declineImageShare(actor: Actor, imageId: string): Promise<void> {
  await mutate(actor, 'DeclineImageShare', async (tx, note) => {
    authorize(actor, 'image.share');
    note.target = imageId;
    const { image, alias } = await requireVisibleImage(tx, actor, imageId);
    if (alias !== 'others') throw new CloudError('InvalidImageId.NotFound', { imageId }, 'imageId');
    await tx.update(imageShares)
      .set({ removedAt: clock.now(), removedBy: 'recipient' })
      .where(and(eq(imageShares.imageId, image.id), eq(imageShares.recipientAccountId, actor.accountId), isNull(imageShares.removedAt)));
    const recipient = (await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, actor.accountId)).limit(1)).at(0)!;
    await notify(tx, image.ownerAccountId!, 'imageShareDeclined', { imageName: image.name, imageId: image.id, regionId: image.regionId, recipient: recipient.name, recipientAccountId: actor.accountId });
  });
}
