// SEL-1: the conditions seed 002 sets for a company to sell on the marketplace — founded at
// least a year ago, registered capital of ¥500,000 or more, a technical and support team of at
// least 5, support at least 5 days × 8 hours, and the marketplace agreement accepted. Every
// failed condition is reported, each with its field, so a form can mark all of them at once.
import { z } from 'zod';
import { CloudError, type CloudErrorCode, type CloudErrorParams } from './errors';
import { formatFen, parseYuan, type Fen } from './money';
import { chinaDate } from './calendar';
import { COMPANY_NAME_MAX, CONTACT_EMAIL_MAX } from './form-limits';

export const MIN_REGISTERED_CAPITAL_FEN = 50_000_000;
export const MIN_STAFF = 5;
export const MIN_SUPPORT = { days: 5, hours: 8 } as const;
/** The support schedules a form offers, weakest first; any days × hours of at least 5 × 8 qualifies. */
export const SUPPORT_HOURS = ['5x8', '5x12', '7x8', '7x12', '7x24'] as const;

export const APPLICATION_FIELDS = ['companyName', 'foundedOn', 'registeredCapital', 'staffCount', 'supportHours', 'contactEmail', 'agreement'] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** What an application says once every condition holds; money in fen, support as "DxH". */
export type SellerApplicationFacts = {
  companyName: string;
  foundedOn: string;
  registeredCapitalFen: number;
  staffCount: number;
  supportHours: string;
  contactEmail: string;
};

export type OnboardingFailure = { field: ApplicationField; code: CloudErrorCode; params: CloudErrorParams };

export type OnboardingVerdict = { ok: true; application: SellerApplicationFacts } | { ok: false; failures: OnboardingFailure[] };

/**
 * The input as a form or a caller gives it: registered capital in yuan (up to two decimals,
 * thousands separators allowed), staff as a whole number, the agreement as a checkbox value.
 */
export type ApplicationInput = Partial<Record<ApplicationField, unknown>>;

// The seeds' calendar is China's (UTC+8): "a year ago" is counted in its days.

/** The latest founding date that is a full year before `now` (29 February counts from 28 February). */
export function latestFoundingDate(now: Date): string {
  const [year, month, day] = chinaDate(now).split('-').map(Number);
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1800 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Registered capital as people write it ("¥500,000.5", or a number) → fen by money's one yuan grammar; null if it is not an amount. */
export function parseCapital(value: unknown): Fen | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value : '';
  return parseYuan(text.trim().replace(/^¥/, '').replaceAll(',', '').replaceAll(' ', ''));
}

/** "5x8", "5×8", "5*8" → { days: 5, hours: 8 }; null unless 1–7 days and 1–24 hours. */
export function parseSupportHours(value: unknown): { days: number; hours: number } | null {
  const match = typeof value === 'string' ? /^([1-7])\s*[x×*X]\s*(\d{1,2})$/.exec(value.trim()) : null;
  if (!match) return null;
  const days = Number(match[1]);
  const hours = Number(match[2]);
  return hours >= 1 && hours <= 24 ? { days, hours } : null;
}

export function meetsSupportHours(value: unknown): boolean {
  const support = parseSupportHours(value);
  return support !== null && support.days >= MIN_SUPPORT.days && support.hours >= MIN_SUPPORT.hours;
}

function isAccepted(value: unknown): boolean {
  return value === true || value === 'on' || value === 'true' || value === 'yes';
}

const emailSchema = z.string().trim().max(CONTACT_EMAIL_MAX).pipe(z.email());

/** SEL-1: every condition, judged on `now`'s date in China. */
export function assessApplication(input: ApplicationInput, now: Date): OnboardingVerdict {
  const failures: OnboardingFailure[] = [];
  const fail = (field: ApplicationField, code: CloudErrorCode, params: CloudErrorParams = {}) => failures.push({ field, code, params });

  const companyName = typeof input.companyName === 'string' ? input.companyName.trim().replace(/\s+/g, ' ') : '';
  const nameLength = [...companyName].length;
  if (nameLength < 2 || nameLength > COMPANY_NAME_MAX) fail('companyName', 'InvalidParameter.CompanyName');

  const foundedOn = typeof input.foundedOn === 'string' ? input.foundedOn.trim() : '';
  const latest = latestFoundingDate(now);
  if (!isCalendarDate(foundedOn)) fail('foundedOn', 'InvalidParameter.FoundedOn');
  else if (foundedOn > latest) fail('foundedOn', 'SellerCondition.CompanyAge', { latest });

  const registeredCapitalFen = parseCapital(input.registeredCapital);
  if (registeredCapitalFen === null) fail('registeredCapital', 'InvalidParameter.RegisteredCapital');
  else if (registeredCapitalFen < MIN_REGISTERED_CAPITAL_FEN) fail('registeredCapital', 'SellerCondition.RegisteredCapital', { min: formatFen(MIN_REGISTERED_CAPITAL_FEN) });

  const staffText = typeof input.staffCount === 'number' ? String(input.staffCount) : typeof input.staffCount === 'string' ? input.staffCount.trim() : '';
  const staffCount = /^\d{1,7}$/.test(staffText) ? Number(staffText) : null;
  if (staffCount === null) fail('staffCount', 'InvalidParameter.StaffCount');
  else if (staffCount < MIN_STAFF) fail('staffCount', 'SellerCondition.StaffCount', { min: MIN_STAFF });

  const support = parseSupportHours(input.supportHours);
  if (!meetsSupportHours(input.supportHours)) fail('supportHours', 'SellerCondition.SupportHours');

  const email = emailSchema.safeParse(input.contactEmail ?? '');
  if (!email.success) fail('contactEmail', 'InvalidParameter.ContactEmail');

  if (!isAccepted(input.agreement)) fail('agreement', 'SellerCondition.Agreement');

  if (failures.length > 0) return { ok: false, failures };
  return {
    ok: true,
    application: {
      companyName,
      foundedOn,
      registeredCapitalFen: registeredCapitalFen!,
      staffCount: staffCount!,
      supportHours: `${support!.days}x${support!.hours}`,
      contactEmail: email.data!,
    },
  };
}

/**
 * A refused application: a CloudError for the first failed condition (what the audit log and
 * any single-message caller see), carrying all of them for a form.
 */
export class SellerConditionsNotMet extends CloudError {
  readonly failures: OnboardingFailure[];

  constructor(failures: OnboardingFailure[]) {
    super(failures[0].code, failures[0].params, failures[0].field);
    this.failures = failures;
  }
}
