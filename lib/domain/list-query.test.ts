// Issue 16: a list's search and sort come from the URL; anything that is not the list's own is ignored.
import { describe, expect, it } from 'vitest';
import { containsPattern, parseSort, searchFromUrl, sortValue } from './list-query';

describe('list queries from the URL', () => {
  const keys = ['name', 'created'] as const;
  const fallback = { key: 'created', direction: 'desc' } as const;

  it('reads "key" as ascending and "-key" as descending, and anything else as the default', () => {
    expect(parseSort('name', keys, fallback)).toEqual({ key: 'name', direction: 'asc' });
    expect(parseSort('-name', keys, fallback)).toEqual({ key: 'name', direction: 'desc' });
    for (const raw of ['price', '--name', '', undefined, ['x'], 'constructor']) expect(parseSort(raw, keys, fallback)).toEqual(fallback);
    expect(sortValue({ key: 'name', direction: 'desc' })).toBe('-name');
  });

  it('trims a search, drops an empty one and keeps at most 128 characters', () => {
    expect(searchFromUrl('  web ')).toBe('web');
    expect(searchFromUrl('   ')).toBeUndefined();
    expect(searchFromUrl(['a', 'b'])).toBe('a');
    expect(searchFromUrl('x'.repeat(300))).toHaveLength(128);
  });

  it('makes a LIKE pattern that takes % _ and \\ literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
