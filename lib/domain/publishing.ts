// Publishing an image product (SEL-7): what a draft must hold before it can go to review, as
// one pure check over the facts the service gathers. The same list is shown to the seller
// while they work, and checked again at submission and at approval.
import { z } from 'zod';
import { sellerActivities, type SellerActivity } from './seller-calls';
import { categories, PRODUCT_DESCRIPTION_MAX, PRODUCT_SUMMARY_MAX, PRODUCT_TITLE_MAX, pricingModels, type PricingModel } from './marketplace';

export const productInfoSchema = z.object({
  title: z.string().trim().min(4).max(PRODUCT_TITLE_MAX),
  category: z.enum(categories),
  summary: z.string().trim().min(10).max(PRODUCT_SUMMARY_MAX),
  description: z.string().trim().min(20).max(PRODUCT_DESCRIPTION_MAX),
});

export const versionNameSchema = z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/);

/** ¥0 for free; otherwise ¥0.01 to ¥1,000,000 per unit (per license, hour, month or year). */
const MAX_PRICE_FEN = 100_000_000;

export const skuInputSchema = z
  .object({ pricingModel: z.enum(pricingModels), priceFen: z.number().int().min(0).max(MAX_PRICE_FEN) })
  .refine((s) => (s.pricingModel === 'free' ? s.priceFen === 0 : s.priceFen > 0), { path: ['priceFen'] });

export type ListingProblem =
  | { kind: 'noVersion' }
  | { kind: 'noRegion'; version: string }
  | { kind: 'imageUnavailable'; version: string; regionId: string; imageId: string }
  | { kind: 'regionsDiffer'; versions: string[] }
  | { kind: 'noSku' }
  | { kind: 'freeWithPaid' }
  | { kind: 'noInterfaceUrl' }
  | { kind: 'interfaceUrl'; problem: string }
  | { kind: 'notDebugged'; activities: SellerActivity[] }
  | { kind: 'noSigningKey' };

export type ListingFacts = {
  versions: { version: string; images: { regionId: string; imageId: string; available: boolean }[] }[];
  skus: { pricingModel: PricingModel; priceFen: number }[];
  interfaceUrl: string | null;
  interfaceUrlProblem: string | null;
  /** Activities whose debugging call passed against the current interface URL (SEL-6). */
  passed: readonly string[];
  hasSigningKey: boolean;
};

/** Everything that stops a draft from going to review; empty when it may be submitted. */
export function listingProblems(f: ListingFacts): ListingProblem[] {
  const problems: ListingProblem[] = [];
  if (f.versions.length === 0) problems.push({ kind: 'noVersion' });
  for (const v of f.versions) {
    if (v.images.length === 0) problems.push({ kind: 'noRegion', version: v.version });
    for (const i of v.images) if (!i.available) problems.push({ kind: 'imageUnavailable', version: v.version, regionId: i.regionId, imageId: i.imageId });
  }
  // MKT-1: each version has an image in every region the product is offered in.
  const offered = new Set(f.versions.flatMap((v) => v.images.map((i) => i.regionId)));
  const short = f.versions.filter((v) => v.images.length > 0 && v.images.length < offered.size).map((v) => v.version);
  if (short.length > 0) problems.push({ kind: 'regionsDiffer', versions: short });
  if (f.skus.length === 0) problems.push({ kind: 'noSku' });
  // A free product is free: selling it too would make the free license a way around the price.
  if (f.skus.some((s) => s.pricingModel === 'free') && f.skus.length > 1) problems.push({ kind: 'freeWithPaid' });
  if (!f.interfaceUrl) problems.push({ kind: 'noInterfaceUrl' });
  else if (f.interfaceUrlProblem) problems.push({ kind: 'interfaceUrl', problem: f.interfaceUrlProblem });
  const missing = sellerActivities.filter((a) => !f.passed.includes(a));
  if (f.interfaceUrl && missing.length > 0) problems.push({ kind: 'notDebugged', activities: missing });
  if (!f.hasSigningKey) problems.push({ kind: 'noSigningKey' });
  return problems;
}

/** SEL-6: the order a test order goes through its life, so each call finds the instance it needs. */
export const debugOrder: readonly SellerActivity[] = ['newInstance', 'refreshInstance', 'upgradeInstance', 'updateInstanceStatus', 'expireInstance', 'releaseInstance'];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A new product code: four letters and six digits, like the seeds' (e.g. jxsc000204). */
export function newProductCode(random: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(10);
  const letters = Array.from(bytes.slice(0, 4), (b) => LETTERS[b % 26]).join('');
  const digits = Array.from(bytes.slice(4), (b) => String(b % 10)).join('');
  return letters + digits;
}
