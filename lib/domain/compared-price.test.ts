import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH, monthlyEquivalentFen } from './compared-price';
import { pricingModels } from './marketplace';

const fen = fc.integer({ min: 0, max: 100_000_000_00 });

describe('issue 16: prices compared like with like, by their monthly equivalent', () => {
  it('an hourly price × 730, a yearly price ÷ 12; monthly, one-time and free as they are', () => {
    expect(monthlyEquivalentFen('hourly', 20)).toBe(20 * HOURS_PER_MONTH);
    expect(monthlyEquivalentFen('yearly', 120_000)).toBe(10_000);
    expect(monthlyEquivalentFen('monthly', 4_900)).toBe(4_900);
    expect(monthlyEquivalentFen('per_instance', 9_900)).toBe(9_900);
    expect(monthlyEquivalentFen('free', 0)).toBe(0);
  });

  it('a yearly price is rounded half up to whole fen', () => {
    expect(monthlyEquivalentFen('yearly', 5)).toBe(0); // 0.42
    expect(monthlyEquivalentFen('yearly', 6)).toBe(1); // 0.5
    expect(monthlyEquivalentFen('yearly', 99_900)).toBe(8_325);
    fc.assert(fc.property(fen, (price) => monthlyEquivalentFen('yearly', price) === Math.round(price / 12)));
  });

  it('is whole fen, never negative, and keeps the order of prices within a model', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pricingModels), fen, fen, (model, a, b) => {
        const [x, y] = [monthlyEquivalentFen(model, Math.min(a, b)), monthlyEquivalentFen(model, Math.max(a, b))];
        return Number.isSafeInteger(x) && x >= 0 && x <= y;
      }),
    );
  });
});
