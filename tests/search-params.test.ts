// Issue 16: the price range of the marketplace search is typed by people. A bound that is not an
// amount, or a lowest price above the highest, is not applied and the filter says why, instead
// of an empty page or a silently dropped bound.
import { describe, expect, it } from 'vitest';
import { parseSearch } from '../components/marketplace/search-params';

const parsed = (min?: string, max?: string) => parseSearch({ min, max }, []);

describe('the search price range', () => {
  it('amounts in yuan are applied as fen, with no problem', () => {
    expect(parsed('20', '99.9')).toMatchObject({ minFen: 2000, maxFen: 9990, priceProblem: undefined });
    expect(parsed(undefined, '0')).toMatchObject({ minFen: undefined, maxFen: 0, priceProblem: undefined });
  });

  it('a negative or non-numeric bound is notAnAmount, not applied, and shown back as typed', () => {
    expect(parsed('-5', '100')).toMatchObject({ minFen: undefined, maxFen: 10_000, priceProblem: 'notAnAmount', typedMin: '-5' });
    expect(parsed('10', 'cheap')).toMatchObject({ minFen: 1000, maxFen: undefined, priceProblem: 'notAnAmount', typedMax: 'cheap' });
  });

  it('a lowest price above the highest is minAboveMax: neither bound is applied', () => {
    expect(parsed('200', '100')).toMatchObject({ minFen: undefined, maxFen: undefined, priceProblem: 'minAboveMax', typedMin: '200', typedMax: '100' });
  });
});
