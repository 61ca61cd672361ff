import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { images, notifications, platformSettings } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { expectCloudError, fund, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { listLaunchableImages } from './catalogue';
import { copyImage, createImage, deleteImage, describeImages, getImage } from './images';
import { imageFromFamily, modifyImageAttribute, modifyProductVersion } from './image-family';
import { getInstance, runInstances } from './instances';
import { launchableFamilies, marketplaceLaunchPage } from './launch-wizard';
import { getProduct } from './marketplace';
import { purchaseLicenses } from './orders';
import { modifyImageSharePermission } from './sharing';

const { db } = throwawayDatabase();
let sellers: Awaited<ReturnType<typeof seedTestMarketplace>>;
beforeAll(async () => (sellers = await seedTestMarketplace(db())));
beforeEach(async () => await withoutLaunchMinimum(db()));
afterEach(async () => {
  clock.reset();
  await db().delete(platformSettings);
});

const REGION = 'cn-hangzhou';
const systemImage = async (regionId = REGION) => (await db().select().from(images).where(and(eq(images.regionId, regionId), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
const launch = async (actor: Actor, input: Record<string, unknown>) => (await runInstances(actor, { regionId: REGION, instanceTypeId: 'ecs.t6-c1m1.large', amount: 1, ...input })).instanceIds[0];

let counter = 0;
/** A custom image of the owner's in a family, made the real way: instance → CreateImage → task finishes. */
async function familyImage(owner: Actor, imageFamily: string): Promise<string> {
  const instanceId = await launch(owner, { imageId: await systemImage() });
  await settle();
  const { imageId } = await createImage(owner, { instanceId, name: `v${++counter}`, imageFamily });
  await settle();
  return imageId;
}

const deprecate = async (actor: Actor, imageId: string, successorImageId?: string) => await modifyImageAttribute(actor, { imageId, status: 'Deprecated', successorImageId });
const listedIds = async (actor: Actor, query: Record<string, string> = {}) => (await describeImages(actor, { regionId: REGION, pageSize: 100, ...query })).items.map((i) => i.id);
const seller = (key: string): Actor => ({ userId: null, accountId: sellers.get(key)!.accountId, roles: ['buyer', 'seller'], requestId: `test-${key}` });

describe('issue 17: imageFromFamily resolves to the newest Available, non-deprecated image visible to the caller', () => {
  it('takes v2 over v1, falls back to v1 when v2 is deprecated, and never takes another account’s image, not even a shared one', async () => {
    const owner = await newBuyer();
    const other = await newBuyer();
    const v1 = await familyImage(owner, 'web');
    const v2 = await familyImage(owner, 'web');
    const othersNewer = await familyImage(other, 'web');
    expect((await imageFromFamily(owner, REGION, 'web'))?.image.id).toBe(v2);
    await deprecate(owner, v2, v1);
    expect((await imageFromFamily(owner, REGION, 'web'))?.image.id).toBe(v1);
    expect(await imageFromFamily(owner, 'cn-shanghai', 'web')).toBeNull();
    // A family is its owner's: another account sharing a newer image of the same name takes nothing over.
    await modifyImageSharePermission(other, { imageId: othersNewer, addAccounts: [owner.accountId] });
    expect((await imageFromFamily(owner, REGION, 'web'))?.image.id).toBe(v1);
    expect((await imageFromFamily(other, REGION, 'web'))?.image.id).toBe(othersNewer);
  });

  it('a seller naming its marketplace image after a buyer’s family takes nothing over; a buyer without the family gets the listed product’s', async () => {
    const buyer = await newBuyer();
    const own = await familyImage(buyer, 'api');
    const code = 'lnmp000101';
    const marketplaceImage = await productImage(code, REGION, '2.0.0');
    await modifyImageAttribute(seller('cloudsail'), { imageId: marketplaceImage, imageFamily: 'api' });
    await db().update(images).set({ createdAt: new Date(Date.now() + 60_000) }).where(eq(images.id, marketplaceImage));
    expect((await imageFromFamily(buyer, REGION, 'api'))?.image.id).toBe(own);
    expect(await imageFromFamily(await newBuyer(), REGION, 'api')).toMatchObject({ image: { id: marketplaceImage }, alias: 'marketplace' });
    await modifyImageAttribute(seller('cloudsail'), { imageId: marketplaceImage, imageFamily: '' });
  });

  it('RunInstances with an ImageFamily launches the newest image; a family without one is InvalidImageFamily.MissingAvailableImage', async () => {
    const owner = await newBuyer();
    await familyImage(owner, 'api');
    const v2 = await familyImage(owner, 'api');
    expect((await getInstance(owner, await launch(owner, { imageFamily: 'api' }))).imageId).toBe(v2);
    await expectCloudError(async () => await launch(owner, { imageFamily: 'nothing-here' }), 'InvalidImageFamily.MissingAvailableImage');
  });

  it('IMP-8: RunInstances by ImageFamily retried with its ClientToken after a newer image joined the family answers the first launch, launching nothing more', async () => {
    const owner = await newBuyer();
    const v1 = await familyImage(owner, 'retry');
    const first = await launch(owner, { imageFamily: 'retry', clientToken: 'fam-1' });
    await familyImage(owner, 'retry');
    expect(await launch(owner, { imageFamily: 'retry', clientToken: 'fam-1' })).toBe(first);
    expect((await getInstance(owner, first)).imageId).toBe(v1);
    // The same token with other parameters is still a mismatch.
    await expectCloudError(async () => await launch(owner, { imageFamily: 'retry', clientToken: 'fam-1', amount: 2 }), 'IdempotentParameterMismatch');
  });

  it('a family name follows Alibaba’s rule on CreateImage and ModifyImageAttribute (InvalidImageFamily.Malformed); an empty one leaves the family', async () => {
    const owner = await newBuyer();
    const image = await familyImage(owner, 'ok-family');
    await expectCloudError(async () => await modifyImageAttribute(owner, { imageId: image, imageFamily: 'acs:platform' }), 'InvalidImageFamily.Malformed');
    await modifyImageAttribute(owner, { imageId: image, imageFamily: '' });
    expect((await getImage(owner, image)).image.imageFamily).toBeNull();
  });

  it('the wizard’s “latest of family” offers each family the caller can launch from, with the image it resolves to, and none of another account’s', async () => {
    const owner = await newBuyer();
    await familyImage(owner, 'wizard-a');
    const newest = await familyImage(owner, 'wizard-a');
    await familyImage(await newBuyer(), 'wizard-secret');
    const offered = (await launchableFamilies(owner, REGION)).filter((f) => f.imageFamily.startsWith('wizard-'));
    expect(offered.map((f) => [f.imageFamily, f.id])).toEqual([['wizard-a', newest]]);
  });

  it('a copy joins no family and is not deprecated', async () => {
    const owner = await newBuyer();
    const image = await familyImage(owner, 'copied');
    await deprecate(owner, image);
    const { imageId } = await copyImage(owner, { imageId: image, destinationRegionId: 'cn-shanghai', name: 'copy' });
    expect((await getImage(owner, imageId)).image).toMatchObject({ imageFamily: null, deprecatedAt: null });
  });
});

describe('issue 17: deprecation with a successor', () => {
  it('only the owner deprecates its custom image: a recipient is Forbidden, anyone else finds nothing', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const image = await familyImage(owner, 'own');
    await modifyImageSharePermission(owner, { imageId: image, addAccounts: [recipient.accountId] });
    await expectCloudError(async () => await deprecate(recipient, image), 'Forbidden');
    await expectCloudError(async () => await deprecate(await newBuyer(), image), 'InvalidImageId.NotFound');
    await expectCloudError(async () => await deprecate(owner, await systemImage()), 'Forbidden');
  });

  it('refuses a successor that is itself, deprecated, in another region or not visible to the owner (InvalidSuccessorImage)', async () => {
    const owner = await newBuyer();
    const v1 = await familyImage(owner, 'rules');
    const v2 = await familyImage(owner, 'rules');
    const othersImage = await familyImage(await newBuyer(), 'rules');
    await expectCloudError(async () => await deprecate(owner, v1, v1), 'InvalidSuccessorImage');
    await expectCloudError(async () => await deprecate(owner, v1, await systemImage('cn-shanghai')), 'InvalidSuccessorImage');
    await expectCloudError(async () => await deprecate(owner, v1, othersImage), 'InvalidSuccessorImage');
    await deprecate(owner, v2);
    await expectCloudError(async () => await deprecate(owner, v1, v2), 'InvalidSuccessorImage');
    await expectCloudError(async () => await modifyImageAttribute(owner, { imageId: v1, successorImageId: await systemImage() }), 'InvalidParameter');
    await deprecate(owner, v1, await systemImage());
    expect((await getImage(owner, v1)).image).toMatchObject({ successorImageId: await systemImage(), deprecatedAt: expect.any(Date) });
  });

  it('a deprecated image is hidden from others’ default list but stays listable by id and launchable; its owner still lists it; undeprecating restores it', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const v1 = await familyImage(owner, 'hidden');
    const v2 = await familyImage(owner, 'hidden');
    await modifyImageSharePermission(owner, { imageId: v1, addAccounts: [recipient.accountId] });
    expect(await listedIds(recipient)).toContain(v1);
    await deprecate(owner, v1, v2);
    expect(await listedIds(recipient)).not.toContain(v1);
    expect(await listedIds(recipient, { imageId: v1 })).toEqual([v1]);
    expect(await listedIds(owner)).toContain(v1);
    // The owner's launch wizard still offers it; asked for by Status=Deprecated, it is listed to the recipient too.
    expect((await listLaunchableImages(owner, REGION)).map((i) => i.id)).toContain(v1);
    expect(await listedIds(recipient, { status: 'Deprecated' })).toEqual([v1]);
    expect((await getInstance(recipient, await launch(recipient, { imageId: v1 }))).imageId).toBe(v1);
    await modifyImageAttribute(owner, { imageId: v1, status: 'Available' });
    expect(await listedIds(recipient)).toContain(v1);
    expect((await getImage(owner, v1)).image).toMatchObject({ deprecatedAt: null, successorImageId: null });
  });

  it('the seller deprecates a marketplace version with the next as successor: hidden from the lists, launchable by id, and every license holder is notified once with the successor', async () => {
    const code = 'lnmp000101';
    const v1 = await productImage(code, REGION, '1.0.0');
    const v2 = await productImage(code, REGION, '2.0.0');
    const holder = await newBuyer();
    await fund(holder, 1_000_000);
    await purchaseLicenses(holder, { productCode: code, skuCode: skuCode(code, 'per_instance'), regionId: REGION, quantity: 2 });
    const onlooker = await newBuyer();
    const before = (await describeImages(onlooker, { regionId: REGION, ownerAlias: 'marketplace' })).total;
    expect(await listedIds(onlooker, { ownerAlias: 'marketplace' })).toContain(v2);
    await expectCloudError(async () => await deprecate(holder, v2), 'Forbidden');
    await expectCloudError(async () => await modifyProductVersion(seller('qingshan'), code, '2.0.0', { status: 'Deprecated' }), 'InvalidProductCode.NotFound');

    await modifyProductVersion(seller('cloudsail'), code, '2.0.0', { status: 'Deprecated', successorVersion: '1.0.0', imageFamily: 'lnmp' });
    expect(await listedIds(onlooker, { ownerAlias: 'marketplace' })).not.toContain(v2);
    // The platform's kept counts follow the change too (visible-images.ts keys them on the marketplace revision).
    expect((await describeImages(onlooker, { regionId: REGION, ownerAlias: 'marketplace' })).total).toBe(before - 1);
    expect((await marketplaceLaunchPage(onlooker, { regionId: REGION, q: code })).items.map((i) => i.id)).toEqual([v1]);
    expect((await getImage(onlooker, v2)).image).toMatchObject({ successorImageId: v1, imageFamily: 'lnmp' });
    const told = await db().select().from(notifications).where(eq(notifications.accountId, holder.accountId));
    expect(told).toMatchObject([{ kind: 'imageDeprecatedWithSuccessor', params: { imageId: v1, productCode: code, regionId: REGION } }]);
    expect((await getInstance(holder, await launch(holder, { imageId: v2 }))).imageId).toBe(v2);
    // The product page marks the version and its "Launch" opens the successor.
    const page = await getProduct(code, null);
    expect(page.versions.map((v) => [v.version, v.deprecated])).toEqual([['2.0.0', true], ['1.0.0', false]]);
    expect(page.launchImages[REGION]).toBe(v1);
  });

  it('the seller may deprecate one marketplace image of its product by id (ModifyImageAttribute); another seller may not', async () => {
    const image = await productImage('lnmp000101', 'cn-shanghai', '1.0.0');
    await expectCloudError(async () => await deprecate(seller('qingshan'), image), 'Forbidden');
    await deprecate(seller('cloudsail'), image);
    expect((await getImage(await newBuyer(), image)).image.deprecatedAt).toEqual(expect.any(Date));
    await modifyImageAttribute(seller('cloudsail'), { imageId: image, status: 'Available' });
  });

  it('a product version’s successor must be offered in each of its regions', async () => {
    await expectCloudError(async () => await modifyProductVersion(seller('cloudsail'), 'lnmp000101', '1.0.0', { status: 'Deprecated', successorVersion: '9.9.9' }), 'InvalidSuccessorImage');
  });
});

describe('issue 17: the accounts a deprecated custom image is shared with are told, once', () => {
  const toldOf = async (actor: Actor) => (await db().select().from(notifications).where(and(eq(notifications.accountId, actor.accountId)))).filter((n) => n.kind.startsWith('sharedImageDeprecated'));

  it('names the successor to a recipient who can launch it, not to one who cannot; deprecating again tells no one again', async () => {
    const owner = await newBuyer();
    const both = await newBuyer();
    const onlyOld = await newBuyer();
    const v1 = await familyImage(owner, 'shared-web');
    const v2 = await familyImage(owner, 'shared-web');
    await modifyImageSharePermission(owner, { imageId: v1, addAccounts: [both.accountId, onlyOld.accountId] });
    await modifyImageSharePermission(owner, { imageId: v2, addAccounts: [both.accountId] });
    await deprecate(owner, v1, v2);
    expect((await toldOf(both)).map((n) => [n.kind, n.params])).toEqual([['sharedImageDeprecatedWithSuccessor', expect.objectContaining({ imageId: v2, successorName: 'v' + (counter) })]]);
    expect((await toldOf(onlyOld)).map((n) => [n.kind, n.params])).toEqual([['sharedImageDeprecated', expect.objectContaining({ imageId: v1, successorName: '' })]]);
    await deprecate(owner, v1, v2);
    expect([(await toldOf(both)).length, (await toldOf(onlyOld)).length]).toEqual([1, 1]);
  });
});

describe('issue 17: a successor is named only to those who may see it', () => {
  it('a recipient of a shared deprecated image does not learn its owner’s private successor; a deleted successor is not named either', async () => {
    const owner = await newBuyer();
    const recipient = await newBuyer();
    const x = await familyImage(owner, 'leak');
    const y = await familyImage(owner, 'leak-next');
    await modifyImageSharePermission(owner, { imageId: x, addAccounts: [recipient.accountId] });
    await deprecate(owner, x, y);
    const shown = async (actor: Actor) => (await describeImages(actor, { regionId: REGION, imageId: x })).items[0].successorImageId;
    expect([await shown(owner), await shown(recipient)]).toEqual([y, null]);
    await deleteImage(owner, y);
    expect(await shown(owner)).toBeNull();
  });

  it('a marketplace image’s successor is another image of its product, never the seller’s own custom image (InvalidSuccessorImage)', async () => {
    const cloudsail = seller('cloudsail');
    const privateBuild = await familyImage(cloudsail, 'internal');
    const marketplaceImage = await productImage('lnmp000101', REGION, '2.0.0');
    await expectCloudError(async () => await deprecate(cloudsail, marketplaceImage, privateBuild), 'InvalidSuccessorImage');
    // A custom image's successor may not be someone else's image shared with its owner.
    const owner = await newBuyer();
    const other = await newBuyer();
    const mine = await familyImage(owner, 'mine');
    const theirs = await familyImage(other, 'theirs');
    await modifyImageSharePermission(other, { imageId: theirs, addAccounts: [owner.accountId] });
    await expectCloudError(async () => await deprecate(owner, mine, theirs), 'InvalidSuccessorImage');
  });
});

describe('issue 17 review: ModifyImageAttribute renames the owner’s custom image, checked as CreateImage checks a name (IMP-3)', () => {
  it('renames and describes the owner’s image; a malformed or taken name, a URL description, another account or a seller’s marketplace image are refused', async () => {
    const owner = await newBuyer();
    const image = await familyImage(owner, 'rename');
    const other = await familyImage(owner, 'rename');
    await modifyImageAttribute(owner, { imageId: image, name: 'web-2026.12:a_1', description: 'The web tier' });
    expect((await getImage(owner, image)).image).toMatchObject({ name: 'web-2026.12:a_1', description: 'The web tier' });
    for (const name of ['a', '1web', '-web', 'aliyun-web', 'acs:web', 'http://web', 'https://web', 'web space', 'x'.repeat(129)]) {
      await expectCloudError(async () => await modifyImageAttribute(owner, { imageId: image, name }), 'InvalidImageName.Malformed');
    }
    await expectCloudError(async () => await modifyImageAttribute(owner, { imageId: image, description: 'https://example.com' }), 'InvalidDescription.Malformed');
    await expectCloudError(async () => await modifyImageAttribute(owner, { imageId: image, description: 'x'.repeat(257) }), 'InvalidDescription.Malformed');
    const taken = (await getImage(owner, other)).image.name;
    await expectCloudError(async () => await modifyImageAttribute(owner, { imageId: image, name: taken }), 'InvalidImageName.Duplicated');
    await expectCloudError(async () => await modifyImageAttribute(await newBuyer(), { imageId: image, name: 'mine' }), 'InvalidImageId.NotFound');
    await expectCloudError(async () => await modifyImageAttribute(seller('cloudsail'), { imageId: await productImage('lnmp000101', REGION, '2.0.0'), name: 'renamed' }), 'Forbidden');
    // Refused changes change nothing; the name kept is also the owner's to give again.
    await modifyImageAttribute(owner, { imageId: image, name: 'web-2026.12:a_1' });
    expect((await getImage(owner, image)).image).toMatchObject({ name: 'web-2026.12:a_1', description: 'The web tier' });
  });
});
