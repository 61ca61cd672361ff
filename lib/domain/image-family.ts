// Image families and deprecation (issue 17): a family names a line of images, and a launch by
// family takes its newest usable one; a deprecated image names the image that replaces it.
import { CloudError } from './errors';

/**
 * Alibaba's ImageFamily rule (CreateImage / ModifyImageAttribute): 2 to 128 characters, starting
 * with a letter or a Chinese character, then letters, Chinese characters, digits, periods, colons,
 * underscores or hyphens; not starting with `aliyun` or `acs:` (the platform's), no `http(s)://`.
 */
export function isValidImageFamily(name: string): boolean {
  if (name.length < 2 || name.length > 128) return false;
  if (/^(aliyun|acs:)/i.test(name) || /https?:\/\//i.test(name)) return false;
  return /^[\p{L}][\p{L}\p{N}.:_-]*$/u.test(name);
}

type FamilyMember = { id: string; regionId: string; imageFamily: string | null; status: string; deprecatedAt: Date | null; createdAt: Date };

/**
 * The image a launch by family resolves to, among the images visible to the caller: the newest
 * (by creation, then by id so the answer never depends on row order) Available, non-deprecated
 * image of the family in the region; null when the family has none.
 */
export function newestOfFamily<T extends FamilyMember>(visible: readonly T[], regionId: string, family: string): T | null {
  let newest: T | null = null;
  for (const image of visible) {
    if (image.regionId !== regionId || image.imageFamily !== family || image.status !== 'Available' || image.deprecatedAt) continue;
    if (!newest || image.createdAt > newest.createdAt || (image.createdAt.getTime() === newest.createdAt.getTime() && image.id > newest.id)) newest = image;
  }
  return newest;
}

type SuccessorFacts = { id: string; regionId: string; status: string; deprecatedAt: Date | null };

/**
 * Why `successor` cannot replace `image` (the caller has already checked it may see it), or
 * null: it must be another image, in the same region, Available and not itself deprecated.
 */
export function successorRefusal(image: SuccessorFacts, successor: SuccessorFacts): CloudError | null {
  const refuse = () => new CloudError('InvalidSuccessorImage', { imageId: successor.id }, 'successorImageId');
  if (successor.id === image.id || successor.regionId !== image.regionId || successor.deprecatedAt || successor.status !== 'Available') return refuse();
  return null;
}

type AudienceFacts = { kind: string; productCode: string | null; ownerAccountId: string | null };

/**
 * Whether everyone who may see `image` may see `successor` too, so naming it tells no one about
 * an image they cannot launch: a marketplace image's successor is another image of its product;
 * a custom image's is public (system, marketplace) or its owner's own — never one shared with the owner.
 */
export function successorFitsAudience(image: AudienceFacts, successor: AudienceFacts): boolean {
  if (image.kind === 'marketplace') return successor.kind === 'marketplace' && successor.productCode === image.productCode;
  return successor.kind !== 'custom' || successor.ownerAccountId === image.ownerAccountId;
}
