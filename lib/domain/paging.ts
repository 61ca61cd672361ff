// Paging for every list, the API's and the console's (API-4): PageNumber and PageSize are whole
// numbers in range or refused, never coerced into a database error or an unbounded page.
import { CloudError, type CloudErrorCode } from './errors';

export type Paging = { page: number; pageSize: number };

/** Far past any real list, low enough that (page - 1) * pageSize stays an exact integer. */
export const MAX_PAGE_NUMBER = 1_000_000;

function whole(value: unknown, fallback: number, max: number, code: CloudErrorCode, field: string): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CloudError(code, { param: field }, field);
  return n;
}

/** PageNumber ≥ 1 (default 1); PageSize 1–maxPageSize (default 10, at most 100 as Alibaba's). */
export function parsePaging(input: { page?: unknown; pageSize?: unknown }, { defaultPageSize = 10, maxPageSize = 100 } = {}): Paging {
  return {
    page: whole(input.page, 1, MAX_PAGE_NUMBER, 'InvalidPageNumber.Malformed', 'page'),
    pageSize: whole(input.pageSize, defaultPageSize, maxPageSize, 'InvalidPageSize.Malformed', 'pageSize'),
  };
}

/** A console page's ?page=: anything that is not a page number shows page 1 rather than an error. */
export function pageFromUrl(raw: unknown): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  const n = typeof text === 'string' && /^\d{1,7}$/.test(text) ? Number(text) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE_NUMBER);
}

/**
 * A console list read at the URL's page, or at its last page when the URL's is past the end (a
 * hand-edited ?page=999999 would show an empty table, "page 999999 of 2", with a Previous link
 * to another empty page). `read` is the list's own query at a page.
 */
export async function readWithinPages<T extends { total: number; pageSize: number }>(page: number, read: (page: number) => T | Promise<T>): Promise<T> {
  const result = await read(page);
  const last = Math.max(1, Math.ceil(result.total / result.pageSize));
  return page > last ? read(last) : result;
}
