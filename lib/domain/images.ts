// How an image looks to a caller (product.md §2): whose it is, and whether they may use it.
import { CloudError } from './errors';

export type ImageKind = 'system' | 'custom' | 'marketplace';
export type ImageOwnerAlias = 'system' | 'self' | 'others' | 'marketplace';
export type ImageStatus = 'Creating' | 'Available' | 'CreateFailed' | 'UnAvailable';

type ImageFacts = { kind: string; ownerAccountId: string | null; deletedAt: Date | null };

/**
 * The alias the caller sees, or null when the image is not visible to the caller at all.
 * `sharedWithCaller`: an active share of this image to the caller exists (SHR-5: shares are
 * per image, so per region).
 */
export function ownerAliasFor(image: ImageFacts, accountId: string, sharedWithCaller = false): ImageOwnerAlias | null {
  if (image.deletedAt) return null;
  if (image.kind === 'system') return 'system';
  if (image.kind === 'marketplace') return 'marketplace';
  if (image.ownerAccountId === accountId) return 'self';
  if (sharedWithCaller) return 'others';
  return null;
}

/** Issue 12: another account's image (a shared one) shows its lineage without that account's instance ids. */
export function withoutOthersIds<T extends { ownerAccountId: string | null; sourceInstanceId: string | null }>(image: T, accountId: string): T {
  return image.ownerAccountId === accountId ? image : { ...image, sourceInstanceId: null };
}

/** Only an Available image launches, replaces a disk or is copied (IncorrectImageStatus otherwise). */
export function imageUnavailable(image: { id: string; status: string }): CloudError | null {
  return image.status === 'Available' ? null : new CloudError('IncorrectImageStatus', { imageId: image.id }, 'imageId');
}

export function assertImageAvailable(image: { id: string; status: string }): void {
  const refusal = imageUnavailable(image);
  if (refusal) throw refusal;
}
