// ADM-4: the platform limits an operator may change, with the defaults product.md gives.
import { z } from 'zod';
import { settingRanges, type NumericSettingKey } from './setting-ranges';

export type Mode = 'production' | 'demo' | 'test';

/** A whole number within the setting's range. */
const whole = (key: NumericSettingKey) => z.number().int().min(settingRanges[key].min).max(settingRanges[key].max);

export const settingsSchema = z.object({
  commissionBps: whole('commissionBps'),
  imageQuotaPerRegion: whole('imageQuotaPerRegion'),
  shareAccountsPerImage: whole('shareAccountsPerImage'),
  sharesPerDay: whole('sharesPerDay'),
  refundWindowDays: whole('refundWindowDays'),
  refundsPerYear: whole('refundsPerYear'),
  /** REF-5: approve requests that pass the rules without waiting for an admin. */
  autoApproveRefunds: z.boolean(),
  subscriptionGraceDays: whole('subscriptionGraceDays'),
  minLaunchBalanceFen: whole('minLaunchBalanceFen'),
  instanceQuotaPerRegion: whole('instanceQuotaPerRegion'),
  vcpuQuotaPerRegion: whole('vcpuQuotaPerRegion'),
  apiReadsPerSecond: whole('apiReadsPerSecond'),
  apiWritesPerSecond: whole('apiWritesPerSecond'),
  apiRefusalsPerAddressPerMinute: whole('apiRefusalsPerAddressPerMinute'),
  signInFailuresPerUser: whole('signInFailuresPerUser'),
  signInFailuresPerAddress: whole('signInFailuresPerAddress'),
  signInLockoutMinutes: whole('signInLockoutMinutes'),
  signUpsPerAddressPerHour: whole('signUpsPerAddressPerHour'),
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
