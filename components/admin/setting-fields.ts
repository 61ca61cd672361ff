// ADM-4: how each platform setting is shown: its group, the rule it sets and its unit. A Record
// over the settings' keys, so a setting added to lib/domain/settings.ts cannot be left off the form.
import { settingsSchema, type PlatformSettings } from '@/lib/domain/settings';

export const settingGroups = ['marketplace', 'images', 'sharing', 'refunds', 'subscriptions'] as const;
export type SettingGroup = (typeof settingGroups)[number];
export type SettingKey = keyof PlatformSettings;
/** `percent` is stored in basis points (10% = 1000) and shown as a percentage. */
export type SettingUnit = 'percent' | 'count' | 'days' | 'switch';

export const settingFields: Record<SettingKey, { group: SettingGroup; rule: string; unit: SettingUnit }> = {
  commissionBps: { group: 'marketplace', rule: 'SEL-8', unit: 'percent' },
  imageQuotaPerRegion: { group: 'images', rule: 'IMP-9', unit: 'count' },
  shareAccountsPerImage: { group: 'sharing', rule: 'SHR-3', unit: 'count' },
  sharesPerDay: { group: 'sharing', rule: 'SHR-4', unit: 'count' },
  refundWindowDays: { group: 'refunds', rule: 'REF-1', unit: 'days' },
  refundsPerYear: { group: 'refunds', rule: 'REF-3', unit: 'count' },
  autoApproveRefunds: { group: 'refunds', rule: 'REF-5', unit: 'switch' },
  subscriptionGraceDays: { group: 'subscriptions', rule: 'MKT-11', unit: 'days' },
};

export const settingKeys = Object.keys(settingFields) as SettingKey[];

/** The allowed range of a numeric setting, as the schema says, in the unit the form shows. */
export function settingRange(key: SettingKey): { min: number; max: number } | null {
  const field = settingsSchema.shape[key];
  if (!('minValue' in field) || field.minValue === null || field.maxValue === null) return null;
  const scale = settingFields[key].unit === 'percent' ? 100 : 1;
  return { min: field.minValue / scale, max: field.maxValue / scale };
}

/** Basis points as the form shows them: 1250 → "12.5". */
export function percentOf(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const cents = String(bps % 100).padStart(2, '0').replace(/0+$/, '');
  return cents ? `${whole}.${cents}` : String(whole);
}

/** The form's text for a setting, turned into what the service takes; anything malformed passes through for the service to refuse. */
export function settingFromForm(key: SettingKey, raw: FormDataEntryValue | null): unknown {
  const unit = settingFields[key].unit;
  if (unit === 'switch') return raw === 'on';
  const text = String(raw ?? '').trim();
  if (unit === 'percent') {
    const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
    return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : text;
  }
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}
