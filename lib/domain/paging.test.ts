// Issue 12, paging validated everywhere (API-4): one parser, integers in range or a refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloudError } from './errors';
import { MAX_PAGE_NUMBER, pageFromUrl, parsePaging, readWithinPages } from './paging';

const refusal = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    if (error instanceof CloudError) return error.code;
    throw error;
  }
};

describe('parsePaging (issue 12: PageSize 2.5 answered 500, -1 and 1e9 every row)', () => {
  it('defaults to page 1 of 10, or the list’s own default', () => {
    expect(parsePaging({})).toEqual({ page: 1, pageSize: 10 });
    expect(parsePaging({ page: '', pageSize: undefined }, { defaultPageSize: 24, maxPageSize: 60 })).toEqual({ page: 1, pageSize: 24 });
  });

  it('whatever it is given, it returns whole numbers in range or refuses with the page codes', () => {
    const anyValue = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -1e12, max: 1e12 }).map(String), fc.string(), fc.constantFrom('2.5', '-1', '1e9', '0x10', ' 5', '5 ', '+5', '٣', 'NaN', 'Infinity', '1'.repeat(30)));
    fc.assert(
      fc.property(anyValue, anyValue, (page, pageSize) => {
        const code = refusal(() => parsePaging({ page, pageSize }));
        if (code !== null) {
          expect(['InvalidPageNumber.Malformed', 'InvalidPageSize.Malformed']).toContain(code);
          return;
        }
        const paging = parsePaging({ page, pageSize });
        expect(Number.isSafeInteger(paging.page) && paging.page >= 1 && paging.page <= MAX_PAGE_NUMBER).toBe(true);
        expect(Number.isInteger(paging.pageSize) && paging.pageSize >= 1 && paging.pageSize <= 100).toBe(true);
        expect(Number.isSafeInteger((paging.page - 1) * paging.pageSize)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('every whole number in range is taken as it is, as a number or as decimal digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_PAGE_NUMBER }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (page, pageSize, asText) => {
        const input = asText ? { page: String(page), pageSize: String(pageSize) } : { page, pageSize };
        expect(parsePaging(input)).toEqual({ page, pageSize });
      }),
    );
  });

  it.each([2.5, -1, 0, 101, 1e9, '2.5', '-1', '1e9', '101', 'ten'])('PageSize %s is InvalidPageSize.Malformed', (pageSize) => {
    expect(refusal(() => parsePaging({ pageSize }))).toBe('InvalidPageSize.Malformed');
  });
});

describe('pageFromUrl: a console page shows page 1 rather than an error', () => {
  it('for anything in ?page= it gives a page the lists accept', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined), fc.integer().map(String)), (raw) => {
        const page = pageFromUrl(raw);
        expect(parsePaging({ page })).toEqual({ page, pageSize: 10 });
      }),
    );
    expect([pageFromUrl('3'), pageFromUrl('3abc'), pageFromUrl('-2'), pageFromUrl('99999999999999999999'), pageFromUrl(['4', '5'])]).toEqual([3, 1, 1, 1, 4]);
  });
});

describe('readWithinPages (issue 16): a page past the end of a console list shows its last page', () => {
  const rows = Array.from({ length: 45 }, (_, i) => i + 1);
  const read = (page: number) => ({ page, pageSize: 20, total: rows.length, items: rows.slice((page - 1) * 20, page * 20) });

  it('a page within the list is read as asked', async () => {
    expect(await readWithinPages(2, read)).toMatchObject({ page: 2, items: rows.slice(20, 40) });
    expect((await readWithinPages(3, read)).items).toEqual([41, 42, 43, 44, 45]);
  });

  it('a huge page number shows the last page, with rows; an empty list shows page 1', async () => {
    expect(await readWithinPages(MAX_PAGE_NUMBER, read)).toMatchObject({ page: 3, items: [41, 42, 43, 44, 45] });
    expect(await readWithinPages(4, (page) => ({ page, pageSize: 20, total: 0, items: [] }))).toMatchObject({ page: 1 });
  });
});
