// ADM-4: the platform limits an operator may change, with the defaults product.md gives.
import { z } from 'zod';

export const settingsSchema = z.object({
  /** SEL-8: the platform's share of each sale, in basis points (10% = 1000). */
  commissionBps: z.number().int().min(0).max(10_000),
  /** IMP-9: custom images per region per account. */
  imageQuotaPerRegion: z.number().int().min(1).max(10_000),
  /** SHR-3 and SHR-4. */
  shareAccountsPerImage: z.number().int().min(1).max(1_000),
  sharesPerDay: z.number().int().min(1).max(100_000),
  /** REF-1 and REF-3. */
  refundWindowDays: z.number().int().min(0).max(365),
  refundsPerYear: z.number().int().min(0).max(1_000),
  /** REF-5: approve requests that pass the rules without waiting for an admin. */
  autoApproveRefunds: z.boolean(),
  /** MKT-11: days a frozen, expired subscription instance is kept before it is released. */
  subscriptionGraceDays: z.number().int().min(0).max(365),
});

export type PlatformSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: PlatformSettings = {
  commissionBps: 1000,
  imageQuotaPerRegion: 100,
  shareAccountsPerImage: 50,
  sharesPerDay: 200,
  refundWindowDays: 5,
  refundsPerYear: 10,
  autoApproveRefunds: false,
  subscriptionGraceDays: 15,
};
