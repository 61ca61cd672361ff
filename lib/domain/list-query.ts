// The console's lists (issue 16): a search of name or id, a sort by a visible column, both read
// from the URL. Anything the URL says that is not one of the list's own is ignored, not refused.
import { z } from 'zod';

export type SortDirection = 'asc' | 'desc';
export type ListSort<K extends string> = { key: K; direction: SortDirection };

/** The longest search kept: a resource name is at most 128 characters. */
export const SEARCH_MAX = 128;

/** A search term from the URL: trimmed, at most SEARCH_MAX characters, undefined when empty. */
export function searchFromUrl(raw: unknown): string | undefined {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().slice(0, SEARCH_MAX);
  return trimmed || undefined;
}

/** "name" sorts by name ascending, "-name" descending; the values a list accepts. */
export function sortValues<K extends string>(keys: readonly K[]): string[] {
  return keys.flatMap((k) => [k, `-${k}`]);
}

/** A list's sort from its "key" / "-key" value, or the fallback for anything else. */
export function parseSort<K extends string>(raw: unknown, keys: readonly K[], fallback: ListSort<K>): ListSort<K> {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== 'string') return fallback;
  const direction: SortDirection = text.startsWith('-') ? 'desc' : 'asc';
  const key = keys.find((k) => k === (direction === 'desc' ? text.slice(1) : text));
  return key ? { key, direction } : fallback;
}

/** The value a sort is written as in the URL. */
export function sortValue<K extends string>(sort: ListSort<K>): string {
  return sort.direction === 'desc' ? `-${sort.key}` : sort.key;
}

/** A LIKE pattern matching the term anywhere, its % _ and \ taken literally (with ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search field of a service's list query. */
export const searchField = z.string().trim().max(SEARCH_MAX).optional();
