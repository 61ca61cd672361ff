// ADM-4: the range of each numeric platform setting. Apart from the zod schema built from it
// (lib/domain/settings.ts), so the admin's settings form can show the ranges without zod in its
// bundle (issue 16: first-load JavaScript).
export const settingRanges = {
  /** SEL-8: the platform's share of each sale, in basis points (10% = 1000). */
  commissionBps: { min: 0, max: 10_000 },
  /** IMP-9: custom images per region per account. */
  imageQuotaPerRegion: { min: 1, max: 10_000 },
  /** SHR-3 and SHR-4. */
  shareAccountsPerImage: { min: 1, max: 1_000 },
  sharesPerDay: { min: 1, max: 100_000 },
  /** REF-1 and REF-3. */
  refundWindowDays: { min: 0, max: 365 },
  refundsPerYear: { min: 0, max: 1_000 },
  /** MKT-11: days a frozen, expired subscription instance is kept before it is released. */
  subscriptionGraceDays: { min: 0, max: 365 },
  /** The wallet balance, in fen, an account needs to create pay-as-you-go instances (InvalidAccountStatus.NotEnoughBalance). */
  minLaunchBalanceFen: { min: 0, max: 100_000_000 },
  /** Instances (not released) and their vCPUs an account may have in one region (QuotaExceed.ElasticQuota…). */
  instanceQuotaPerRegion: { min: 1, max: 100_000 },
  vcpuQuotaPerRegion: { min: 1, max: 1_000_000 },
  /** ECS API calls per second per AccessKey, reads (Describe…) and changes (Throttling.User). */
  apiReadsPerSecond: { min: 1, max: 100_000 },
  apiWritesPerSecond: { min: 1, max: 100_000 },
  /** Calls refused before the caller is known (bad key, signature, time) one client address may make a minute. */
  apiRefusalsPerAddressPerMinute: { min: 1, max: 1_000_000 },
  /** Sign-in throttling: wrong passwords before a user or a client address is locked out, for how long, and sign-ups per address. */
  signInFailuresPerUser: { min: 1, max: 1_000 },
  signInFailuresPerAddress: { min: 1, max: 100_000 },
  signInLockoutMinutes: { min: 1, max: 1_440 },
  signUpsPerAddressPerHour: { min: 1, max: 100_000 },
} as const satisfies Record<string, { min: number; max: number }>;

export type NumericSettingKey = keyof typeof settingRanges;
