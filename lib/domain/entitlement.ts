// Entitlement decisions (MKT-4 … MKT-7): how many licenses a launch or a disk replacement
// needs, and what the caller is told when they are short.
import { CloudError } from './errors';

export type LaunchNeed = {
  productCode: string | null;
  regionId: string;
  needed: number;
  available: number;
  shortfall: number;
};

/** The status of a license in the pool, waiting for an instance (MKT-5). */
export const usableLicenseStatus = 'available';

/**
 * MKT-4, MKT-11: a license a launch may draw on — in the pool and, for a subscription, not yet
 * ended. lib/services/licenses.ts `usableSql` is the same rule as SQL; change both together.
 */
export function isLicenseUsable(license: { status: string; expiresAt: Date | null }, now: Date): boolean {
  return license.status === usableLicenseStatus && (license.expiresAt === null || license.expiresAt > now);
}

/** MKT-4: n instances of a product-coded image need n available licenses of that code in that region. */
export function launchNeed(input: { productCode: string | null; regionId: string; amount: number; available: number }): LaunchNeed {
  const needed = input.productCode ? input.amount : 0;
  const available = input.productCode ? input.available : 0;
  return { productCode: input.productCode, regionId: input.regionId, needed, available, shortfall: Math.max(0, needed - available) };
}

/** QuotaExceed.BuyImage, saying which product, which region, how many are needed and how many there are. */
export function shortfallError(need: LaunchNeed): CloudError {
  return new CloudError('QuotaExceed.BuyImage', {
    productCode: need.productCode ?? '',
    regionId: need.regionId,
    needed: need.needed,
    available: need.available,
  });
}

export function assertEntitled(need: LaunchNeed): void {
  if (need.shortfall > 0) throw shortfallError(need);
}

export type DiskReplacement = {
  /** Consume one available license of the new image's product. */
  consume: boolean;
  /** Return the instance's current license to the pool. */
  returnHeld: boolean;
};

/**
 * MKT-6 ReplaceSystemDisk: another version of the held product needs nothing; another product
 * consumes one of its licenses and returns the held one; an image without a product code
 * returns the held license and needs none.
 */
export function diskReplacement(input: { heldProductCode: string | null; newProductCode: string | null }): DiskReplacement {
  const { heldProductCode, newProductCode } = input;
  if (newProductCode && newProductCode === heldProductCode) return { consume: false, returnHeld: false };
  return { consume: newProductCode !== null, returnHeld: heldProductCode !== null };
}
