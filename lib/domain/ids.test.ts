import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAccountId, isResourceId, newAccountId, newResourceId } from './ids';

describe('resource ids (product.md §2)', () => {
  it.each(['m', 'i', 't'] as const)('%s- ids are the prefix and 20 lowercase alphanumerics', (prefix) => {
    const id = newResourceId(prefix);
    expect(id).toMatch(new RegExp(`^${prefix}-[a-z0-9]{20}$`));
    expect(isResourceId(prefix, id)).toBe(true);
  });

  it('any source of random bytes yields a well-formed id', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        // A biased source (e.g. always 255) must still terminate: feed varied bytes cyclically.
        let n = 0;
        const id = newResourceId('i', (len) => Uint8Array.from({ length: len }, () => (bytes[n++ % bytes.length] + n) % 256));
        return isResourceId('i', id);
      }),
    );
  });

  it('rejects ids of the wrong shape', () => {
    expect(isResourceId('m', 'm-ABCDEFGHIJKLMNOPQRST')).toBe(false);
    expect(isResourceId('m', 'i-abcdefghijklmnopqrst')).toBe(false);
    expect(isResourceId('m', 'm-abc')).toBe(false);
  });

  it('10,000 ids do not collide', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newResourceId('i')));
    expect(ids.size).toBe(10_000);
  });
});

describe('account ids (product.md §1)', () => {
  it('are 16 digits not starting with 0', () => {
    for (let i = 0; i < 200; i++) expect(isAccountId(newAccountId())).toBe(true);
    expect(isAccountId('0123456789012345')).toBe(false);
    expect(isAccountId('123456789012345')).toBe(false);
  });
});
