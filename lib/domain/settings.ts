// ADM-4: the platform limits an operator may change, with the defaults product.md gives.
import { z } from 'zod';

export type Mode = 'production' | 'demo' | 'test';

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
  /** The wallet balance, in fen, an account needs to create pay-as-you-go instances (InvalidAccountStatus.NotEnoughBalance). */
  minLaunchBalanceFen: z.number().int().min(0).max(100_000_000),
  /** Instances (not released) and their vCPUs an account may have in one region (QuotaExceed.ElasticQuota…). */
  instanceQuotaPerRegion: z.number().int().min(1).max(100_000),
  vcpuQuotaPerRegion: z.number().int().min(1).max(1_000_000),
  /** ECS API calls per second per AccessKey, reads (Describe…) and changes (Throttling.User). */
  apiReadsPerSecond: z.number().int().min(1).max(100_000),
  apiWritesPerSecond: z.number().int().min(1).max(100_000),
  /** Calls refused before the caller is known (bad key, signature, time) one client address may make a minute. */
  apiRefusalsPerAddressPerMinute: z.number().int().min(1).max(1_000_000),
  /** Sign-in throttling: wrong passwords before a user or a client address is locked out, for how long, and sign-ups per address. */
  signInFailuresPerUser: z.number().int().min(1).max(1_000),
  signInFailuresPerAddress: z.number().int().min(1).max(100_000),
  signInLockoutMinutes: z.number().int().min(1).max(1_440),
  signUpsPerAddressPerHour: z.number().int().min(1).max(100_000),
});

export type PlatformSettings = z.infer<typeof settingsSchema>;

const productionDefaults: PlatformSettings = {
  commissionBps: 1000,
  imageQuotaPerRegion: 100,
  shareAccountsPerImage: 50,
  sharesPerDay: 200,
  refundWindowDays: 5,
  refundsPerYear: 10,
  autoApproveRefunds: false,
  subscriptionGraceDays: 15,
  minLaunchBalanceFen: 10_000,
  instanceQuotaPerRegion: 50,
  vcpuQuotaPerRegion: 200,
  apiReadsPerSecond: 50,
  apiWritesPerSecond: 20,
  apiRefusalsPerAddressPerMinute: 120,
  signInFailuresPerUser: 5,
  signInFailuresPerAddress: 50,
  signInLockoutMinutes: 15,
  signUpsPerAddressPerHour: 10,
};

/**
 * Demo and test mode need no money to try a launch, and their end-to-end journeys sign many
 * people up from one address; every other limit is the production one.
 */
export function defaultSettings(mode: Mode): PlatformSettings {
  return mode === 'production' ? productionDefaults : { ...productionDefaults, minLaunchBalanceFen: 0, signUpsPerAddressPerHour: 1_000 };
}
