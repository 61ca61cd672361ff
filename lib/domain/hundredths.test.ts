import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hundredthsText, parseHundredths } from './hundredths';
import { parseYuan, yuanText } from './money';

// Issue 14: one two-decimal grammar for yuan → fen (product.md §2) and percent → basis points (ADM-4).
describe('hundredths: the one grammar for yuan and percentages', () => {
  it('reads amounts that floating point gets wrong exactly', () => {
    // Number(text) * 100 gives 1998.9999999999998, 28.999999999999996 and 434.99999999999994 here.
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('4.35')).toBe(435);
    expect(parseHundredths('12.5')).toBe(1250);
  });

  it('refuses what is not a decimal with at most two places', () => {
    for (const bad of ['', '1.005', '-1', '1e3', '1,000', '.5', '5.', '¥5', '0x10', 'NaN']) expect(parseHundredths(bad), bad).toBeNull();
    expect(parseHundredths('1'.repeat(15))).toBeNull();
  });

  it('writes the shortest text that reads back the same', () => {
    expect([12345, 1250, 100, 5, 0].map(hundredthsText)).toEqual(['123.45', '12.5', '1', '0.05', '0']);
    expect(yuanText(50_000_050)).toBe('500000.5');
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (n) => parseHundredths(hundredthsText(n)) === n));
  });

  it('every whole.cents text is read as whole × 100 + cents', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => parseYuan(`${whole}.${String(cents).padStart(2, '0')}`) === whole * 100 + cents));
  });
});
