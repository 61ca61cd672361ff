import { and, eq, sql } from 'drizzle-orm';
import { execute } from '../../db/portable';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { images, imageShares, notifications, platformSettings, users } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { expectCloudError, fund, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { copyImage, createImage, deleteImage, describeImages, getImage } from './images';
import { getInstance, reInitDisk, runInstances, stopInstance } from './instances';
import { purchaseLicenses } from './orders';
import { declineImageShare, describeImageSharePermission, modifyImageSharePermission } from './sharing';

const { db } = throwawayDatabase();

/** Accounts made one after another (each sign-up is its own transaction). */
async function buyerIds(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await newBuyer()).accountId);
  return ids;
}
beforeAll(async () => await seedTestMarketplace(db()));
beforeEach(async () => await withoutLaunchMinimum(db()));
afterEach(async () => {
  clock.reset();
  await db().delete(platformSettings);
});

async function systemImage(regionId = 'cn-hangzhou') {
  return (await db().select().from(images).where(and(eq(images.regionId, regionId), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
}

async function launch(actor: Actor, imageId: string, regionId = 'cn-hangzhou', amount = 1) {
  return (await runInstances(actor, { regionId, imageId, instanceTypeId: 'ecs.t6-c1m1.large', amount })).instanceIds;
}

let imageCounter = 0;
/** A custom image of the owner's, made the real way: instance → CreateImage → task finishes. */
async function customImage(owner: Actor, from?: string): Promise<string> {
  from ??= await systemImage();
  const [instanceId] = await launch(owner, from);
  await settle();
  const { imageId } = await createImage(owner, { instanceId, name: `golden-${++imageCounter}` });
  await settle();
  return imageId;
}

const share = async (owner: Actor, imageId: string, add: string[] = [], remove: string[] = [], clientToken?: string) =>
  await modifyImageSharePermission(owner, { imageId, addAccounts: add, removeAccounts: remove, clientToken });

const recipientsOf = async (imageId: string) =>
  (await db()
    .select()
    .from(imageShares)
    .where(eq(imageShares.imageId, imageId)))
    .filter((s) => !s.removedAt)
    .map((s) => s.recipientAccountId);

const notificationsOf = async (actor: Actor) => await db().select().from(notifications).where(eq(notifications.accountId, actor.accountId));

async function setSetting(key: string, value: number) {
  await db().insert(platformSettings).values({ key, value, updatedAt: new Date() });
}

describe('SHR-1 only the owner’s own custom images can be shared', () => {
  it('refuses system and marketplace images, and a recipient cannot re-share', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const third = await newBuyer();
    await expectCloudError(async () => await share(owner, await systemImage(), [recipient.accountId]), 'InvalidImage.NotShareable');
    await expectCloudError(async () => await share(owner, await productImage('lnmp000101'), [recipient.accountId]), 'InvalidImage.NotShareable');
    const imageId = await customImage(owner);
    await share(owner, imageId, [recipient.accountId]);
    await expectCloudError(async () => await share(recipient, imageId, [third.accountId]), 'InvalidImage.NotShareable');
    expect(await recipientsOf(imageId)).toEqual([recipient.accountId]);
  });
});

describe('SHR-2 at most 10 accounts added and 10 removed per call', () => {
  it('11 accounts in one call are rejected with InvalidAccount.Malformed and nothing changes', async () => {
    const owner = await newBuyer();
    const imageId = await customImage(owner);
    const eleven = await buyerIds(11);
    const error = await expectCloudError(async () => await share(owner, imageId, eleven), 'InvalidAccount.Malformed');
    expect(error.httpStatus).toBe(400);
    expect(error.params).toMatchObject({ which: 'add', count: 11, max: 10 });
    expect(await recipientsOf(imageId)).toEqual([]);
    expect((await share(owner, imageId, eleven.slice(0, 10))).added).toHaveLength(10);
    await expectCloudError(async () => await share(owner, imageId, [], [...eleven.slice(0, 10), eleven[10]]), 'InvalidAccount.Malformed');
    expect(await recipientsOf(imageId)).toHaveLength(10);
  });
});

describe('SHR-3 an image is shared with at most 50 accounts (a platform setting)', () => {
  it('the 51st recipient is rejected; an operator can set Ping An’s 20', async () => {
    const owner = await newBuyer();
    const imageId = await customImage(owner);
    for (let i = 0; i < 5; i++) await share(owner, imageId, await buyerIds(10));
    expect(await recipientsOf(imageId)).toHaveLength(50);
    const error = await expectCloudError(async () => await share(owner, imageId, [(await newBuyer()).accountId]), 'QuotaExceed.ShareImageUser');
    expect(error.params).toMatchObject({ max: 50, current: 50, adding: 1 });
    expect(await recipientsOf(imageId)).toHaveLength(50);

    await setSetting('shareAccountsPerImage', 20);
    const other = await customImage(owner);
    await share(owner, other, await buyerIds(10));
    await share(owner, other, await buyerIds(10));
    await expectCloudError(async () => await share(owner, other, [(await newBuyer()).accountId]), 'QuotaExceed.ShareImageUser');
  });
});

describe('SHR-4 an account shares at most 200 times a day', () => {
  it('the 201st share of a day is rejected, and the count starts again the next day', async () => {
    const owner = await newBuyer();
    const imageId = await customImage(owner);
    const ten = await buyerIds(10);
    clock.set(new Date('2026-11-23T02:00:00Z')); // 10:00 in UTC+8
    for (let round = 0; round < 20; round++) {
      await share(owner, imageId, ten);
      await share(owner, imageId, [], ten);
    }
    expect((await describeImageSharePermission(owner, imageId)).sharesLeftToday).toBe(0);
    const error = await expectCloudError(async () => await share(owner, imageId, [ten[0]]), 'QuotaExceed.ShareImageDaily');
    expect(error.params).toMatchObject({ max: 200, left: 0 });
    clock.set(new Date('2026-11-23T16:00:01Z')); // 00:00:01 the next day in UTC+8
    expect((await share(owner, imageId, [ten[0]])).added).toEqual([ten[0]]);
    expect((await describeImageSharePermission(owner, imageId)).sharesLeftToday).toBe(199);
  });
});

describe('SHR-5 a share is visible only in the image’s region', () => {
  it('the recipient sees it in cn-hangzhou, not in cn-beijing', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const imageId = await customImage(owner);
    await share(owner, imageId, [recipient.accountId]);
    expect((await describeImages(recipient, { regionId: 'cn-hangzhou', ownerAlias: 'others' })).items.map((i) => i.id)).toEqual([imageId]);
    expect((await describeImages(recipient, { regionId: 'cn-beijing', ownerAlias: 'others' })).items).toEqual([]);
    await expectCloudError(async () => await launch(recipient, imageId, 'cn-beijing'), 'InvalidImageId.NotFound');
  });
});

describe('SHR-6 a shared image counts toward the recipient’s image quota, not the owner’s', () => {
  it('a recipient at its quota cannot receive a share; the owner’s count is unchanged by sharing', async () => {
    await setSetting('imageQuotaPerRegion', 2);
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const first = await customImage(owner);
    await customImage(recipient);
    await share(owner, first, [recipient.accountId]); // the recipient now counts 2 of 2
    const [instance] = await launch(recipient, await systemImage());
    await settle();
    await expectCloudError(async () => await createImage(recipient, { instanceId: instance, name: 'one-too-many' }), 'QuotaExceed.Image');
    const second = await customImage(owner); // the owner still has room: 2 own images, shares do not count
    const error = await expectCloudError(async () => await share(owner, second, [recipient.accountId]), 'QuotaExceed.Image');
    expect(error.params).toMatchObject({ account: recipient.accountId });
  });
});

describe('SHR-7 the recipient pays, including the license of a product-coded image', () => {
  it('launching a shared LNMP-derived image needs the recipient’s own license', async () => {
    const owner = await newBuyer();
    await fund(owner, 100_000);
    await purchaseLicenses(owner, { productCode: 'lnmp000101', skuCode: skuCode('lnmp000101', 'per_instance'), regionId: 'cn-hangzhou', quantity: 1 });
    const imageId = await customImage(owner, await productImage('lnmp000101'));
    const recipient = await newBuyer();
    await fund(recipient, 100_000);
    await share(owner, imageId, [recipient.accountId]);
    const error = await expectCloudError(async () => await launch(recipient, imageId), 'QuotaExceed.BuyImage');
    expect(error.params).toMatchObject({ productCode: 'lnmp000101', needed: 1, available: 0 });
    await purchaseLicenses(recipient, { productCode: 'lnmp000101', skuCode: skuCode('lnmp000101', 'per_instance'), regionId: 'cn-hangzhou', quantity: 1 });
    const [id] = await launch(recipient, imageId);
    expect((await getInstance(recipient, id)).licenseId).toBeTruthy();
  });
});

describe('SHR-8 and SHR-13 the recipient lists shares and can decline one; a declined share cannot launch', () => {
  it('declining removes the share, tells the owner, and the image no longer launches', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const imageId = await customImage(owner);
    await share(owner, imageId, [recipient.accountId]);
    expect((await describeImages(recipient, { regionId: 'cn-hangzhou', ownerAlias: 'others' })).items[0]).toMatchObject({ id: imageId, ownerAlias: 'others' });
    await declineImageShare(recipient, imageId);
    expect(await recipientsOf(imageId)).toEqual([]);
    expect((await describeImages(recipient, { regionId: 'cn-hangzhou', ownerAlias: 'others' })).items).toEqual([]);
    expect((await notificationsOf(owner)).map((n) => n.kind)).toContain('imageShareDeclined');
    await expectCloudError(async () => await launch(recipient, imageId), 'InvalidImageId.NotFound');
  });
});

/** A recipient's stopped instance of an image shared with it. */
async function sharedStoppedInstance() {
  const owner = await newBuyer();
  const recipient = await newBuyer();
  const imageId = await customImage(owner);
  await share(owner, imageId, [recipient.accountId]);
  const [id] = await launch(recipient, imageId);
  await settle();
  await stopInstance(recipient, id);
  return { owner, recipient, imageId, id };
}

describe('SHR-9 after unshare or delete, the recipient’s instances keep running but ReInitDisk fails', () => {
  it.each(['unshare', 'delete'] as const)('%s', async (how) => {
    const { owner, recipient, imageId, id } = await sharedStoppedInstance();
    await reInitDisk(recipient, id); // fine while shared
    if (how === 'unshare') await share(owner, imageId, [], [recipient.accountId]);
    else await deleteImage(owner, imageId);
    expect((await getInstance(recipient, id)).status).toBe('Stopped');
    const error = await expectCloudError(async () => await reInitDisk(recipient, id), 'InvalidImage.Unavailable');
    expect(error.httpStatus).toBe(403);
    expect((await notificationsOf(recipient)).map((n) => n.kind)).toContain(how === 'unshare' ? 'imageUnshared' : 'sharedImageDeleted');
  });
});

describe('ReInitDisk answers InvalidImage.Unavailable only for an image gone from the caller (issue 14)', () => {
  it('any other failure while looking the image up is not dressed up as one', async () => {
    const { recipient, id } = await sharedStoppedInstance();
    // The shares table missing stands for any fault of the database: it must surface as itself.
    await execute(db(), sql.raw('ALTER TABLE image_shares RENAME TO image_shares_away'));
    try {
      // The database's own error: SQLite's, or PostgreSQL's as the cause of Drizzle's 'Failed query'.
      const error = await reInitDisk(recipient, id).then(() => undefined, (e: Error) => e);
      expect(`${error?.message} ${(error?.cause as Error | undefined)?.message}`).toMatch(/no such table|relation "image_shares" does not exist/);
    } finally {
      await execute(db(), sql.raw('ALTER TABLE image_shares_away RENAME TO image_shares'));
    }
    await reInitDisk(recipient, id);
  });
});

describe('SHR-10 targets by account id or email; unknown accounts and yourself are errors', () => {
  it('resolves an email, refuses unknown targets and the owner itself', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    await db().insert(users).values({ id: `u-${recipient.accountId}`, name: 'R', email: `r-${recipient.accountId}@example.test`, accountId: recipient.accountId, createdAt: new Date(), updatedAt: new Date() });
    await db().insert(users).values({ id: `u-${owner.accountId}`, name: 'O', email: `o-${owner.accountId}@example.test`, accountId: owner.accountId, createdAt: new Date(), updatedAt: new Date() });
    const imageId = await customImage(owner);
    expect((await share(owner, imageId, [`R-${recipient.accountId}@Example.test`.replace('R-', 'r-')])).added).toEqual([recipient.accountId]);
    expect((await expectCloudError(async () => await share(owner, imageId, ['nobody@example.test']), 'InvalidAccount.NotFound')).params).toEqual({ account: 'nobody@example.test' });
    await expectCloudError(async () => await share(owner, imageId, ['9999999999999999']), 'InvalidAccount.NotFound');
    await expectCloudError(async () => await share(owner, imageId, [owner.accountId]), 'InvalidAccount.Self');
    await expectCloudError(async () => await share(owner, imageId, [`o-${owner.accountId}@example.test`]), 'InvalidAccount.Self');
  });
});

describe('SHR-12 both sides are told; the owner sees each recipient’s instances', () => {
  it('notifies the recipient on share and unshare, and counts its instances of the image', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const imageId = await customImage(owner);
    await share(owner, imageId, [recipient.accountId]);
    expect(await notificationsOf(recipient)).toMatchObject([{ kind: 'imageShared', params: { imageId, ownerAccountId: owner.accountId } }]);
    await launch(recipient, imageId, 'cn-hangzhou', 2);
    expect(await describeImageSharePermission(owner, imageId)).toMatchObject({ recipients: [{ accountId: recipient.accountId, instances: 2 }], maxRecipients: 50 });
  });
});

describe('ClientToken (IMP-8) and access', () => {
  it('the same token and parameters change nothing the second time; other parameters are a mismatch', async () => {
    const owner = await newBuyer();
    const [a, b] = [await newBuyer(), await newBuyer()];
    const imageId = await customImage(owner);
    const first = await share(owner, imageId, [a.accountId], [], 'token-1');
    await share(owner, imageId, [], [a.accountId]);
    expect(await share(owner, imageId, [a.accountId], [], 'token-1')).toEqual(first);
    expect(await recipientsOf(imageId)).toEqual([]);
    await expectCloudError(async () => await share(owner, imageId, [b.accountId], [], 'token-1'), 'IdempotentParameterMismatch');
  });

  it('a third account can neither see nor change the share list: the image does not exist for it', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const stranger = await newBuyer();
    const imageId = await customImage(owner);
    await share(owner, imageId, [recipient.accountId]);
    await expectCloudError(async () => await describeImageSharePermission(stranger, imageId), 'InvalidImageId.NotFound');
    await expectCloudError(async () => await share(stranger, imageId, [stranger.accountId]), 'InvalidImageId.NotFound');
    await expectCloudError(async () => await describeImageSharePermission(recipient, imageId), 'InvalidImageId.NotFound');
    await expectCloudError(async () => await declineImageShare(stranger, imageId), 'InvalidImageId.NotFound');
    expect(await recipientsOf(imageId)).toEqual([recipient.accountId]);
  });
});

describe('issue 12: a share recipient sees the lineage without the owner’s resource ids', () => {
  it('the instance an image was made from, and an ancestor the recipient cannot see, are not named', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const golden = await customImage(owner);
    const { imageId: copy } = await copyImage(owner, { imageId: golden, destinationRegionId: 'cn-shanghai', name: 'golden-copy' });
    await settle();
    await share(owner, copy, [recipient.accountId]);
    const ownerInstance = (await getImage(owner, golden)).lineage[0].viaInstanceId!;
    expect(ownerInstance).toMatch(/^i-/);

    const { lineage } = await getImage(recipient, copy);
    expect(lineage.map((s) => s.source)).toEqual(['copy', 'instance', 'system']);
    expect(lineage[0]).toMatchObject({ imageId: copy, visible: true });
    // The image copied from is the owner's and not shared: a step without id or name.
    expect(lineage[1]).toMatchObject({ imageId: null, name: null, visible: false, fromInstance: true, viaInstanceId: null });
    const text = JSON.stringify(lineage);
    expect(text).not.toContain(ownerInstance);
    expect(text).not.toContain(golden);
    // The owner still sees its own ids.
    expect((await getImage(owner, copy)).lineage[1]).toMatchObject({ imageId: golden, viaInstanceId: ownerInstance });
  });

  it('an image shared directly says it was made from an instance of another account', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const golden = await customImage(owner);
    await share(owner, golden, [recipient.accountId]);
    const [step] = (await getImage(recipient, golden)).lineage;
    expect(step).toMatchObject({ imageId: golden, fromInstance: true, viaInstanceId: null });
  });
});
