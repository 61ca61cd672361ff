// Image families and deprecation (issue 17): set an image's family, deprecate it with a
// successor or undo that, and resolve a family to the image a launch by family takes.
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { images, imageShares, licenses, products, productVersions } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { isValidImageFamily, newestOfFamily, successorFitsAudience, successorRefusal } from '../domain/image-family';
import { withoutOthersIds } from '../domain/images';
import { authorize, can } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { findVisibleImage, isSharedWith, requireRegion, requireVisibleImage, type Image, type VisibleImage } from './catalogue';
import { assertImageNameFree, imageDescriptionField, imageNameField } from './images';
import { notify } from './notifications';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { oneAfterAnother } from '../../db/portable';

/**
 * Where a family name is looked up, in order: the caller's own custom images, the platform's
 * system images, then listed marketplace products' images. A family belongs to one owner: the
 * first set that has the name at all answers (even with no usable image), so no other account —
 * a sharer or a seller naming an image the same — can take over the caller's family. A shared
 * image is launched by its id, never by family.
 */
function familySets(actor: Actor) {
  const listed = inArray(images.productCode, sql`(SELECT ${products.code} FROM ${products} WHERE ${products.status} = 'listed')`);
  return [
    { alias: 'self' as const, where: and(eq(images.ownerAccountId, actor.accountId), eq(images.kind, 'custom')) },
    { alias: 'system' as const, where: eq(images.kind, 'system') },
    { alias: 'marketplace' as const, where: and(eq(images.kind, 'marketplace'), listed) },
  ];
}

/** The newest Available, non-deprecated image of the family in the region for the actor (familySets), inside a transaction. */
export async function familyImageIn(db: Db | Tx, actor: Actor, regionId: string, family: string): Promise<VisibleImage | null> {
  for (const set of familySets(actor)) {
    const inSet = and(set.where, eq(images.regionId, regionId), eq(images.imageFamily, family), isNull(images.deletedAt));
    if (!(await db.select({ id: images.id }).from(images).where(inSet).limit(1)).at(0)) continue;
    // The query narrows to the newest usable few; the rule (lib/domain) decides among them.
    const usable = await db.select().from(images).where(and(inSet, eq(images.status, 'Available'), isNull(images.deprecatedAt))).orderBy(desc(images.createdAt), desc(images.id)).limit(8);
    const chosen = newestOfFamily(usable, regionId, family);
    return chosen ? { image: withoutOthersIds(chosen, actor.accountId), alias: set.alias } : null;
  }
  return null;
}

/** The family names the actor can launch by in the region, from the same sets familyImageIn looks in. */
export async function familyNamesIn(db: Db | Tx, actor: Actor, regionId: string): Promise<string[]> {
  const names = await oneAfterAnother(familySets(actor), async (set) =>
    (await db.selectDistinct({ family: images.imageFamily }).from(images).where(and(set.where, eq(images.regionId, regionId), isNotNull(images.imageFamily), isNull(images.deletedAt)))).map((r) => r.family!),
  );
  return [...new Set(names.flat())].sort();
}

/**
 * Issue 17: the image a launch by family takes — the newest Available, non-deprecated image of
 * `family` in `region` among those visible to the actor (system, marketplace, its own, shared
 * with it); null when there is none. DescribeImageFromFamily, RunInstances' ImageFamily, the
 * launch wizard's "latest of family" and scaling groups by family all resolve through this.
 */
export async function imageFromFamily(actor: Actor, regionId: string, family: string): Promise<VisibleImage | null> {
  authorize(actor, 'image.describe');
  return await read(async (db) => {
    await requireRegion(db, regionId);
    return await familyImageIn(db, actor, regionId, family);
  });
}

/** A launch request naming an ImageFamily and no ImageId gets the family's image id (RunInstances), or InvalidImageFamily.MissingAvailableImage. */
export async function withFamilyImage(tx: Tx, actor: Actor, input: unknown): Promise<unknown> {
  if (!input || typeof input !== 'object') return input;
  const { imageId, imageFamily, regionId } = input as { imageId?: unknown; imageFamily?: unknown; regionId?: unknown };
  if (imageId || typeof imageFamily !== 'string' || !imageFamily || typeof regionId !== 'string') return input;
  const found = await familyImageIn(tx, actor, regionId, imageFamily);
  if (!found) throw new CloudError('InvalidImageFamily.MissingAvailableImage', { imageFamily }, 'imageFamily');
  return { ...input, imageId: found.image.id };
}

const familyField = z.string().trim().refine((f) => f === '' || isValidImageFamily(f));
const changeSchema = z.object({
  imageFamily: familyField.optional(),
  status: z.enum(['Deprecated', 'Available']).optional(),
  successorImageId: z.string().trim().optional(),
});
const changeCodes = { imageFamily: 'InvalidImageFamily.Malformed', status: 'InvalidParameter', successorImageId: 'InvalidSuccessorImage' } as const;
type Change = z.infer<typeof changeSchema>;

/** Whether the actor may change the image: its own custom image, or a marketplace image of a product the actor sells. */
async function mayModify(tx: Tx, actor: Actor, { image, alias }: VisibleImage): Promise<boolean> {
  if (alias === 'self') return true;
  if (alias !== 'marketplace' || !image.productCode || !can(actor, 'product.publish')) return false;
  return Boolean((await tx.select({ code: products.code }).from(products).where(and(eq(products.code, image.productCode), eq(products.sellerAccountId, actor.accountId))).limit(1)).at(0));
}

/** The successor a deprecation names, checked: visible to the actor, fit for the image's audience, and usable in the image's place. */
async function requireSuccessor(tx: Tx, actor: Actor, image: Image, successorId: string): Promise<Image> {
  const successor = (await findVisibleImage(tx, actor, successorId))?.image;
  if (!successor || !successorFitsAudience(image, successor)) throw new CloudError('InvalidSuccessorImage', { imageId: successorId }, 'successorImageId');
  const refusal = successorRefusal(image, successor);
  if (refusal) throw refusal;
  return successor;
}

/** MKT-8's buyers of a deprecated marketplace image: every account holding a license of its product in its region is told the successor. */
async function tellLicenseHolders(tx: Tx, image: Image, successor: Image | null): Promise<number> {
  if (image.kind !== 'marketplace' || !image.productCode) return 0;
  const holders = await tx
    .selectDistinct({ accountId: licenses.accountId })
    .from(licenses)
    .where(and(eq(licenses.productCode, image.productCode), eq(licenses.regionId, image.regionId), inArray(licenses.status, ['available', 'in_use'])));
  const params = { imageName: image.name, productCode: image.productCode, regionId: image.regionId, successorName: successor?.name ?? '', imageId: successor?.id ?? image.id };
  for (const { accountId } of holders) await notify(tx, accountId, successor ? 'imageDeprecatedWithSuccessor' : 'imageDeprecated', params);
  return holders.length;
}

/** The accounts a deprecated custom image is shared with are told too; the successor is named to those who can launch it. */
async function tellShareRecipients(tx: Tx, image: Image, successor: Image | null): Promise<number> {
  if (image.kind !== 'custom') return 0;
  const recipients = await tx.select({ accountId: imageShares.recipientAccountId }).from(imageShares).where(and(eq(imageShares.imageId, image.id), isNull(imageShares.removedAt)));
  for (const { accountId } of recipients) {
    const usable = successor && (successor.kind !== 'custom' || await isSharedWith(tx, successor.id, accountId)) ? successor : null;
    const params = { imageName: image.name, regionId: image.regionId, successorName: usable?.name ?? '', imageId: usable?.id ?? image.id };
    await notify(tx, accountId, usable ? 'sharedImageDeprecatedWithSuccessor' : 'sharedImageDeprecated', params);
  }
  return recipients.length;
}

/** One image's change, inside the caller's transaction; `successor` was checked against it. */
async function applyChange(tx: Tx, image: Image, change: Change, successor: Image | null): Promise<Record<string, unknown>> {
  const set: Partial<typeof images.$inferInsert> = {};
  if (change.imageFamily !== undefined) set.imageFamily = change.imageFamily || null;
  let told = 0;
  if (change.status === 'Deprecated') {
    set.deprecatedAt = image.deprecatedAt ?? clock.now();
    set.successorImageId = successor?.id ?? null;
    // Told once: deprecating again with the same successor tells no one again.
    const news = !image.deprecatedAt || image.successorImageId !== (successor?.id ?? null);
    if (news) told = await tellLicenseHolders(tx, image, successor) + await tellShareRecipients(tx, image, successor);
  } else if (change.status === 'Available') {
    set.deprecatedAt = null;
    set.successorImageId = null;
  }
  if (Object.keys(set).length) await tx.update(images).set(set).where(eq(images.id, image.id));
  return { ...change, told };
}

function parseChange(input: unknown): Change {
  const change = parseInput(changeSchema, input, changeCodes);
  // A successor is named by a deprecation only.
  if (change.successorImageId && change.status !== 'Deprecated') throw new CloudError('InvalidParameter', { param: 'SuccessorImageId' }, 'successorImageId');
  return change;
}

const renameSchema = z.object({ name: imageNameField.optional(), description: imageDescriptionField.optional() });

/** A new name or description of the owner's custom image, checked as CreateImage checks them. */
async function rename(tx: Tx, actor: Actor, { image, alias }: VisibleImage, input: Record<string, unknown>): Promise<z.infer<typeof renameSchema>> {
  const change = parseInput(renameSchema, { name: input.name, description: input.description }, { name: 'InvalidImageName.Malformed', description: 'InvalidDescription.Malformed' });
  if (change.name === undefined && change.description === undefined) return change;
  // A marketplace image's name and description are its product version's, not the seller's to change here.
  if (alias !== 'self') throw new CloudError('Forbidden', {}, 'imageId');
  if (change.name !== undefined) await assertImageNameFree(tx, actor, image.regionId, change.name, image.id);
  await tx.update(images).set(change).where(eq(images.id, image.id));
  return change;
}

/**
 * ModifyImageAttribute (issue 17): an image's family (empty clears it) and its deprecation —
 * Status=Deprecated with an optional successor, Status=Available to undo it. Only the owner of a
 * custom image, or the seller of a marketplace image's product, may; a deprecated marketplace
 * image's license holders are notified with the successor. The owner of a custom image may
 * also rename it and change its description.
 */
export async function modifyImageAttribute(actor: Actor, input: { imageId: string } & Record<string, unknown>): Promise<void> {
  await mutate(actor, 'ModifyImageAttribute', async (tx, note) => {
    authorize(actor, 'image.modify');
    note.target = input.imageId;
    const visible = await requireVisibleImage(tx, actor, input.imageId);
    if (!await mayModify(tx, actor, visible)) throw new CloudError('Forbidden', {}, 'imageId');
    const { name, description, ...rest } = input;
    const change = parseChange(rest);
    const renamed = await rename(tx, actor, visible, { name, description });
    const successor = change.successorImageId ? await requireSuccessor(tx, actor, visible.image, change.successorImageId) : null;
    note.detail = { ...renamed, ...await applyChange(tx, visible.image, change, successor) };
  });
}

/**
 * The seller's version page (issue 17): the family and deprecation of every regional image of
 * a listed product's version at once. The successor is another version of the same product; in
 * each region its image there replaces this version's, so it must be offered wherever this is.
 */
export async function modifyProductVersion(actor: Actor, code: string, version: string, input: { successorVersion?: string } & Record<string, unknown>): Promise<void> {
  await mutate(actor, 'ModifyProductVersion', async (tx, note) => {
    authorize(actor, 'product.publish');
    note.target = `${code}:${version}`;
    const owned = (await tx.select({ code: products.code }).from(products).where(and(eq(products.code, code), eq(products.sellerAccountId, actor.accountId))).limit(1)).at(0);
    if (!owned) throw new CloudError('InvalidProductCode.NotFound', { productCode: code }, 'productCode');
    if (!(await tx.select().from(productVersions).where(and(eq(productVersions.productCode, code), eq(productVersions.version, version))).limit(1)).at(0)) throw new CloudError('InvalidParameter.Version', {}, 'version');
    const { successorVersion, ...rest } = input;
    const change = parseChange(rest);
    if (successorVersion && change.status !== 'Deprecated') throw new CloudError('InvalidParameter', { param: 'successorVersion' }, 'successorVersion');
    const imagesOf = async (v: string) => await tx.select().from(images).where(and(eq(images.kind, 'marketplace'), eq(images.productCode, code), eq(images.productVersion, v), isNull(images.deletedAt)));
    const successors = successorVersion ? await imagesOf(successorVersion) : [];
    const details = [];
    for (const image of await imagesOf(version)) {
      const successor = successorVersion ? (successors.find((s) => s.regionId === image.regionId) ?? null) : null;
      if (successorVersion && !successor) throw new CloudError('InvalidSuccessorImage', { imageId: successorVersion }, 'successorVersion');
      if (successor) {
        const refusal = successorRefusal(image, successor);
        if (refusal) throw refusal;
      }
      details.push({ imageId: image.id, ...(await applyChange(tx, image, change, successor)) });
    }
    note.detail = { successorVersion, images: details };
  });
}
