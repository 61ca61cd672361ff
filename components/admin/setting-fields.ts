// ADM-4: how each platform setting is shown: its group, the rule it sets and its unit. A Record
// over the settings' keys, so a setting added to lib/domain/settings.ts cannot be left off the form.
import { hundredthsText, parseHundredths } from '@/lib/domain/hundredths';
import { parseYuan, yuanText } from '@/lib/domain/money';
import { settingRanges, type NumericSettingKey } from '@/lib/domain/setting-ranges';
import type { PlatformSettings } from '@/lib/domain/settings';

export const settingGroups = ['marketplace', 'launch', 'images', 'sharing', 'refunds', 'subscriptions', 'api', 'signIn'] as const;
export type SettingGroup = (typeof settingGroups)[number];
export type SettingKey = keyof PlatformSettings;
/** `percent` is stored in basis points (10% = 1000) and shown as a percentage; `yuan` is stored in fen. */
export type SettingUnit = 'percent' | 'yuan' | 'count' | 'perSecond' | 'minutes' | 'days' | 'switch';

export const settingFields: Record<SettingKey, { group: SettingGroup; unit: SettingUnit }> = {
  commissionBps: { group: 'marketplace', unit: 'percent' }, // SEL-8
  imageQuotaPerRegion: { group: 'images', unit: 'count' }, // IMP-9
  shareAccountsPerImage: { group: 'sharing', unit: 'count' }, // SHR-3
  sharesPerDay: { group: 'sharing', unit: 'count' }, // SHR-4
  refundWindowDays: { group: 'refunds', unit: 'days' }, // REF-1
  refundsPerYear: { group: 'refunds', unit: 'count' }, // REF-3
  autoApproveRefunds: { group: 'refunds', unit: 'switch' }, // REF-5
  subscriptionGraceDays: { group: 'subscriptions', unit: 'days' }, // MKT-11
  minLaunchBalanceFen: { group: 'launch', unit: 'yuan' }, // ADM-4
  instanceQuotaPerRegion: { group: 'launch', unit: 'count' }, // ADM-4
  vcpuQuotaPerRegion: { group: 'launch', unit: 'count' }, // ADM-4
  apiReadsPerSecond: { group: 'api', unit: 'perSecond' }, // API-2
  apiWritesPerSecond: { group: 'api', unit: 'perSecond' }, // API-2
  apiRefusalsPerAddressPerMinute: { group: 'api', unit: 'count' }, // API-2
  signInFailuresPerUser: { group: 'signIn', unit: 'count' }, // ADM-4
  signInFailuresPerAddress: { group: 'signIn', unit: 'count' }, // ADM-4
  signInLockoutMinutes: { group: 'signIn', unit: 'minutes' }, // ADM-4
  signUpsPerAddressPerHour: { group: 'signIn', unit: 'count' }, // ADM-4
};

export const settingKeys = Object.keys(settingFields) as SettingKey[];

/** One setting a save actually changed. */
export type SettingChange = { key: SettingKey; from: PlatformSettings[SettingKey]; to: PlatformSettings[SettingKey] };

/** The allowed range of a numeric setting, as the schema has it, in the unit the form shows. */
export function settingRange(key: SettingKey): { min: number; max: number } | null {
  if (!Object.hasOwn(settingRanges, key)) return null;
  const range = settingRanges[key as NumericSettingKey];
  const unit = settingFields[key].unit;
  const scale = unit === 'percent' || unit === 'yuan' ? 100 : 1;
  return { min: range.min / scale, max: range.max / scale };
}

/** The form's text for a setting, turned into what the service takes; anything malformed passes through for the service to refuse. */
export function settingFromForm(key: SettingKey, raw: FormDataEntryValue | null): unknown {
  const unit = settingFields[key].unit;
  if (unit === 'switch') return raw === 'on';
  const text = String(raw ?? '').trim();
  if (unit === 'yuan') return parseYuan(text) ?? text;
  if (unit === 'percent') return parseHundredths(text) ?? text; // basis points are hundredths of a percent
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

/** A stored value as the form's text. */
export function settingText(key: SettingKey, value: number): string {
  const unit = settingFields[key].unit;
  return unit === 'percent' ? hundredthsText(value) : unit === 'yuan' ? yuanText(value) : String(value);
}
