// MKT-9: the pure rules of a scaling group — sizes, the reconcile plan by removal policy and
// health, the license pool for max, and how much of a scale-out the pool and the cap entitle.
import { describe, expect, it } from 'vitest';
import { availableToGroup, clampDesired, licensePool, planReconcile, planScaleOut, retryDelayMs, sizeRefusal, type MemberFacts } from './scaling';

const member = (id: string, minute: number, status = 'Running', statusReason: string | null = null): MemberFacts => ({ instanceId: id, joinedAt: new Date(minute * 60_000), status, statusReason });
const group = (desired: number, removalPolicy: 'oldest' | 'newest' = 'oldest') => ({ minSize: 0, maxSize: 5, desired, removalPolicy });

describe('MKT-9 scaling rules', () => {
  it('MKT-9: sizes within 0 … 100 and min ≤ desired ≤ max, in ESS codes', () => {
    expect(sizeRefusal({ minSize: 0, maxSize: 5, desired: 3 })).toBeNull();
    expect(sizeRefusal({ minSize: -1, maxSize: 5, desired: 0 })?.code).toBe('InvalidParameter.MinSize');
    expect(sizeRefusal({ minSize: 3, maxSize: 2, desired: 3 })?.code).toBe('InvalidParameter.MaxSize');
    expect(sizeRefusal({ minSize: 0, maxSize: 101, desired: 3 })?.code).toBe('InvalidParameter.MaxSize');
    expect(sizeRefusal({ minSize: 1, maxSize: 5, desired: 0 })?.code).toBe('InvalidParameter.DesiredCapacity');
    expect(sizeRefusal({ minSize: 0, maxSize: 5, desired: 2.5 })?.code).toBe('InvalidParameter.DesiredCapacity');
    expect([clampDesired(9, 1, 4), clampDesired(0, 1, 4), clampDesired(2, 1, 4)]).toEqual([4, 1, 2]);
  });

  it('MKT-9: a scale-in releases the oldest or the newest members by policy', () => {
    const members = [member('b', 2), member('a', 1), member('c', 3)];
    expect(planReconcile(group(1, 'oldest'), members, true)).toEqual({ replace: [], remove: ['a', 'b'], add: 0 });
    expect(planReconcile(group(1, 'newest'), members, true)).toEqual({ replace: [], remove: ['c', 'b'], add: 0 });
    expect(planReconcile(group(5), members, true)).toEqual({ replace: [], remove: [], add: 2 });
  });

  it('MKT-9: a released member is forgotten and replaced; one stopped for arrears waits until the account can launch', () => {
    const members = [member('a', 1, 'Released'), member('b', 2, 'Stopped', 'arrears'), member('c', 3), member('d', 4, 'Stopped')];
    expect(planReconcile(group(3), members, false)).toEqual({ replace: ['a'], remove: [], add: 0 });
    expect(planReconcile(group(3), members, true)).toEqual({ replace: ['a', 'b'], remove: [], add: 1 });
  });

  it('MKT-9: the pool for max: needed, held, available, the shortfall and its cost; none for an image without a product code', () => {
    expect(licensePool({ productCode: 'lnmp000101', maxSize: 5, held: 0, available: 2, unitPriceFen: 9900 })).toEqual({ needed: 5, held: 0, available: 2, shortfall: 3, shortfallCostFen: 29_700 });
    expect(licensePool({ productCode: 'lnmp000101', maxSize: 5, held: 4, available: 3, unitPriceFen: 9900 })?.shortfall).toBe(0);
    expect(licensePool({ productCode: null, maxSize: 5, held: 0, available: 0, unitPriceFen: 0 })).toBeNull();
  });

  it('MKT-9: a scale-out draws on the pool, buys within the cap (buy on scale-out only), and says when it falls short', () => {
    const base = { productCode: 'p', available: 2, unitPriceFen: 9900, hourly: false, capFen: 19_800, spentFen: 0 };
    expect(planScaleOut({ ...base, wanted: 4, mode: 'buy' })).toEqual({ launch: 4, buy: 2, costFen: 19_800, short: false });
    expect(planScaleOut({ ...base, wanted: 4, mode: 'buy', spentFen: 9_900 })).toEqual({ launch: 3, buy: 1, costFen: 9_900, short: true });
    expect(planScaleOut({ ...base, wanted: 4, mode: 'reserve' })).toEqual({ launch: 2, buy: 0, costFen: 0, short: true });
    expect(planScaleOut({ ...base, wanted: 3, mode: 'buy', unitPriceFen: 0, capFen: 0 })).toEqual({ launch: 3, buy: 1, costFen: 0, short: false });
    expect(planScaleOut({ ...base, productCode: null, available: 0, wanted: 3, mode: 'reserve' })).toEqual({ launch: 3, buy: 0, costFen: 0, short: false });
  });
});

describe('MKT-9 review findings: the cap and other groups\' reservations', () => {
  it('MKT-9: a cap of 0 buys no hourly license (billed every hour); a positive cap allows it; a free SKU needs no cap', () => {
    const hourly = { productCode: 'p', available: 1, unitPriceFen: 0, hourly: true, spentFen: 0, wanted: 3, mode: 'buy' as const };
    expect(planScaleOut({ ...hourly, capFen: 0 })).toEqual({ launch: 1, buy: 0, costFen: 0, short: true });
    expect(planScaleOut({ ...hourly, capFen: 100 })).toEqual({ launch: 3, buy: 2, costFen: 0, short: false });
    expect(planScaleOut({ ...hourly, hourly: false, capFen: 0 })).toEqual({ launch: 3, buy: 2, costFen: 0, short: false });
  });

  it('MKT-9: a group counts the pool less what other reserve groups still reserve (max less members holding), never below 0', () => {
    expect(availableToGroup(5, [])).toBe(5);
    expect(availableToGroup(5, [{ maxSize: 5, held: 0 }])).toBe(0);
    expect(availableToGroup(7, [{ maxSize: 5, held: 3 }, { maxSize: 2, held: 4 }])).toBe(5);
    expect(availableToGroup(2, [{ maxSize: 5, held: 0 }])).toBe(0);
  });
});

describe('MKT-9: a failing scale-out is retried later and later', () => {
  it('30 s after the first failure, doubling, never more than an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(10_000)).toBe(3_600_000);
  });
});
