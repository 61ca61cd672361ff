// Reading RPC parameters: plain strings, numbers, booleans, and lists sent as Name.N or Name.N.Field.
import { CloudError } from '../domain/errors';
import { parsePaging } from '../domain/paging';

export type Params = Record<string, string>;

/**
 * Query then form body (the body wins), into an object without a prototype: a parameter named
 * __proto__ or constructor is just a parameter, and an absent one is undefined.
 */
export function paramsOf(...sources: (URLSearchParams | undefined)[]): Params {
  const params: Params = Object.create(null);
  for (const source of sources) {
    for (const [name, value] of source ?? []) {
      // No name, id or text holds a NUL character (PostgreSQL cannot even store one): refused, as either engine.
      if (value.includes('\u0000')) throw new CloudError('InvalidParameter', { param: name }, name);
      params[name] = value;
    }
  }
  return params;
}

export function required(p: Params, name: string): string {
  const value = p[name];
  if (value === undefined || value === '') throw new CloudError('MissingParameter', { param: name }, name);
  return value;
}

export const optional = (p: Params, name: string): string | undefined => (p[name] === undefined || p[name] === '' ? undefined : p[name]);

/** Name.1, Name.2, … in order of N. */
export function list(p: Params, name: string): string[] {
  return Object.keys(p)
    .map((key) => new RegExp(`^${name}\\.(\\d+)$`).exec(key))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => p[m[0]]);
}

/** Name.N.Field groups, e.g. DiskDeviceMapping.1.OSSBucket, as objects in order of N. */
export function groups(p: Params, name: string): Record<string, string>[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const key of Object.keys(p)) {
    const match = new RegExp(`^${name}\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (!match) continue;
    const entry: Record<string, string> = byIndex.get(Number(match[1])) ?? Object.create(null);
    entry[match[2]] = p[key];
    byIndex.set(Number(match[1]), entry);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

/** A JSON array parameter such as InstanceIds='["i-…","i-…"]'. */
export function jsonList(p: Params, name: string): string[] | undefined {
  const raw = optional(p, name);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // fall through to the error
  }
  throw new CloudError('InvalidParameter', { param: name }, name);
}

/** PageNumber and PageSize, checked by the one rule every list uses (default 10 a page, as Alibaba's; a dialect may allow fewer a page). */
export const page = (p: Params, limits?: { maxPageSize: number }) => parsePaging({ page: optional(p, 'PageNumber'), pageSize: optional(p, 'PageSize') }, limits);
