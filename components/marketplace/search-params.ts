// The search page's URL is untrusted input: every parameter is checked here and anything
// unknown or malformed is dropped, so a hand-edited URL shows results instead of an error.
import { categories, pricingModels, SEARCH_QUERY_MAX, type Category, type PricingModel } from '@/lib/domain/marketplace';
import { parseYuan } from '@/lib/domain/money';

export const sorts = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type Sort = (typeof sorts)[number];

export type RawSearch = Record<string, string | string[] | undefined>;

export type SearchFilters = {
  q?: string;
  category?: Category;
  os?: 'linux' | 'windows';
  pricing?: PricingModel;
  region?: string;
  /** Yuan as typed (normalised), and the same amount in integer fen. */
  min?: string;
  max?: string;
  minFen?: number;
  maxFen?: number;
  /** A price bound that was typed but cannot be used: it is not applied, and the filter says why. */
  priceProblem?: PriceProblem;
  /** The bounds as typed, for the form to show them back. */
  typedMin?: string;
  typedMax?: string;
  sort: Sort;
  page: number;
};

export type PriceProblem = 'notAnAmount' | 'minAboveMax';

const MAX_PAGE = 10_000;

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined ? undefined : v.trim();
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

export function parseSearch(raw: RawSearch, regions: readonly string[]): SearchFilters {
  const q = one(raw.q)?.slice(0, SEARCH_QUERY_MAX) || undefined;
  const min = one(raw.min);
  const max = one(raw.max);
  let minFen = parseYuan(min ?? '') ?? undefined;
  let maxFen = parseYuan(max ?? '') ?? undefined;
  const unusable = (typed: string | undefined, fen: number | undefined) => Boolean(typed) && fen === undefined;
  let priceProblem: PriceProblem | undefined;
  if (unusable(min, minFen) || unusable(max, maxFen)) priceProblem = 'notAnAmount';
  else if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) {
    // No product could match: rather than an empty page, neither bound is applied and the form says why.
    priceProblem = 'minAboveMax';
    minFen = maxFen = undefined;
  }
  const page = Number.parseInt(one(raw.page) ?? '', 10);
  return {
    q,
    category: oneOf(categories, one(raw.category)),
    os: oneOf(['linux', 'windows'] as const, one(raw.os)),
    pricing: oneOf(pricingModels, one(raw.pricing)),
    region: oneOf(regions, one(raw.region)),
    min: minFen === undefined ? undefined : min,
    max: maxFen === undefined ? undefined : max,
    minFen,
    maxFen,
    priceProblem,
    typedMin: min || undefined,
    typedMax: max || undefined,
    sort: oneOf(sorts, one(raw.sort)) ?? 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The filters as URL parameters (defaults left out), for links that keep them. */
export function searchParamsOf(f: SearchFilters): Record<string, string | undefined> {
  return { q: f.q, category: f.category, os: f.os, pricing: f.pricing, region: f.region, min: f.min, max: f.max, sort: f.sort === 'relevance' ? undefined : f.sort };
}

export function searchHref(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const text = query.toString();
  return text ? `/marketplace/search?${text}` : '/marketplace/search';
}
