import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan, sumFen, timesFen, yuanText } from './money';

describe('money in integer fen (product.md §2)', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [12, '¥0.12'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [-7600, '-¥76.00'],
    [100_000_000_00, '¥100,000,000.00'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses fractional fen instead of rounding silently', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => timesFen(0.1, 3)).toThrow(RangeError);
    expect(() => timesFen(10, 1.5)).toThrow(RangeError);
  });

  it('multiplication and sums stay exact integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), (unit, qty) => {
        const total = timesFen(unit, qty);
        return Number.isSafeInteger(total) && total === sumFen(Array.from({ length: qty }, () => unit));
      }),
    );
  });

  it('parses yuan text exactly into fen and refuses anything else', () => {
    expect(parseYuan('100')).toBe(10_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan(' 12.34 ')).toBe(1234);
    for (const bad of ['', '1.234', '-1', '1e3', '0x10', '１', '1,000', '.5', '5.']) expect(parseYuan(bad)).toBeNull();
  });

  it('yuanText and parseYuan are inverse on every amount of fen', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (fen) => parseYuan(yuanText(fen)) === fen));
  });
});
