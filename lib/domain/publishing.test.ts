import { describe, expect, it } from 'vitest';
import { isProductCode } from './marketplace';
import { debugOrder, listingProblems, newProductCode, skuInputSchema, type ListingFacts } from './publishing';
import { sellerActivities } from './seller-calls';

const ready: ListingFacts = {
  versions: [{ version: '1.0.0', images: [{ regionId: 'cn-hangzhou', imageId: 'm-1', available: true }] }],
  skus: [{ pricingModel: 'per_instance', priceFen: 9900 }],
  interfaceUrl: 'https://seller.example.com/calls',
  interfaceUrlProblem: null,
  passed: sellerActivities,
  hasSigningKey: true,
};

describe('SEL-7 listing checks', () => {
  it('a complete draft has no problems', () => {
    expect(listingProblems(ready)).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(
      listingProblems({
        versions: [
          { version: '1.0.0', images: [] },
          { version: '2.0.0', images: [{ regionId: 'cn-beijing', imageId: 'm-2', available: false }] },
        ],
        skus: [],
        interfaceUrl: 'http://seller.example.com',
        interfaceUrlProblem: 'notHttps',
        passed: ['newInstance'],
        hasSigningKey: false,
      }),
    ).toEqual([
      { kind: 'noRegion', version: '1.0.0' },
      { kind: 'imageUnavailable', version: '2.0.0', regionId: 'cn-beijing', imageId: 'm-2' },
      { kind: 'noSku' },
      { kind: 'interfaceUrl', problem: 'notHttps' },
      { kind: 'notDebugged', activities: ['refreshInstance', 'expireInstance', 'releaseInstance', 'upgradeInstance', 'updateInstanceStatus'] },
      { kind: 'noSigningKey' },
    ]);
  });

  it('MKT-1: every version must cover every region the product is offered in', () => {
    const hangzhou = { regionId: 'cn-hangzhou', imageId: 'm-1', available: true };
    const beijing = { regionId: 'cn-beijing', imageId: 'm-2', available: true };
    expect(listingProblems({ ...ready, versions: [{ version: '1', images: [hangzhou, beijing] }, { version: '2', images: [hangzhou] }] })).toEqual([{ kind: 'regionsDiffer', versions: ['2'] }]);
    expect(listingProblems({ ...ready, versions: [{ version: '1', images: [hangzhou, beijing] }, { version: '2', images: [beijing, hangzhou] }] })).toEqual([]);
  });

  it('SEL-6: one activity not yet passed blocks submission', () => {
    expect(listingProblems({ ...ready, passed: sellerActivities.filter((a) => a !== 'upgradeInstance') })).toEqual([{ kind: 'notDebugged', activities: ['upgradeInstance'] }]);
  });

  it('no version, no interface URL, free sold next to a paid SKU', () => {
    expect(listingProblems({ ...ready, versions: [], interfaceUrl: null, skus: [{ pricingModel: 'free', priceFen: 0 }, { pricingModel: 'monthly', priceFen: 100 }] }).map((p) => p.kind)).toEqual(['noVersion', 'freeWithPaid', 'noInterfaceUrl']);
  });

  it('prices: free is ¥0, anything else at least ¥0.01 and at most ¥1,000,000', () => {
    expect(skuInputSchema.safeParse({ pricingModel: 'free', priceFen: 0 }).success).toBe(true);
    expect(skuInputSchema.safeParse({ pricingModel: 'free', priceFen: 1 }).success).toBe(false);
    expect(skuInputSchema.safeParse({ pricingModel: 'hourly', priceFen: 0 }).success).toBe(false);
    expect(skuInputSchema.safeParse({ pricingModel: 'yearly', priceFen: 100_000_000 }).success).toBe(true);
    expect(skuInputSchema.safeParse({ pricingModel: 'yearly', priceFen: 100_000_001 }).success).toBe(false);
    expect(skuInputSchema.safeParse({ pricingModel: 'monthly', priceFen: 9.5 }).success).toBe(false);
  });

  it('new product codes have the seeds’ shape', () => {
    for (let i = 0; i < 50; i++) expect(isProductCode(newProductCode())).toBe(true);
  });
});

describe('SEL-6 debugging order', () => {
  it('covers every activity once, creating first and releasing last', () => {
    expect([...debugOrder].sort()).toEqual([...sellerActivities].sort());
    expect([debugOrder[0], debugOrder.at(-1)]).toEqual(['newInstance', 'releaseInstance']);
  });
});
