// decideLaunch (issue 14): the launch's checks in their order, on plain facts. The agreement of
// the preview and RunInstances over a database is lib/services/launch-decision.test.ts.
import { describe, expect, it } from 'vitest';
import { decideLaunch, type LaunchDecision, type LaunchFacts } from './launch-decision';

const facts = (over: Partial<LaunchFacts> = {}): LaunchFacts => ({
  regionId: 'cn-hangzhou',
  regionExists: true,
  imageId: 'm-1',
  image: { id: 'm-1', status: 'Available', productCode: 'lnmp000101' },
  instanceTypeId: 'ecs.t6-c1m1.large',
  instanceType: { id: 'ecs.t6-c1m1.large', vcpu: 2 },
  limits: { balanceFen: 100_000, minLaunchBalanceFen: 10_000, instanceQuotaPerRegion: 50, vcpuQuotaPerRegion: 200, instances: 0, vcpus: 0 },
  productStatus: 'listed',
  offered: true,
  skus: [
    { code: 'per', pricingModel: 'per_instance', priceFen: 9_900 },
    { code: 'hour', pricingModel: 'hourly', priceFen: 20 },
  ],
  available: 0,
  ...over,
});
const refusal = (d: LaunchDecision) => (d.ok ? null : d.refusal.code);

describe('decideLaunch', () => {
  it('a product not sold in the region cannot be bought with the launch (MKT-1): InvalidRegion.NotOffered', () => {
    expect(refusal(decideLaunch(facts({ offered: false }), { amount: 1, skuCode: 'per', buyShortfall: true }))).toBe('InvalidRegion.NotOffered');
    expect(refusal(decideLaunch(facts({ offered: false }), { amount: 1, skuCode: 'hour' }))).toBe('InvalidRegion.NotOffered');
    // Licenses already held still launch it there.
    expect(decideLaunch(facts({ offered: false, available: 1 }), { amount: 1 }).ok).toBe(true);
  });

  it('checks arrears, then the image, then the limits, before anything about buying', () => {
    const broken = { image: { id: 'm-1', status: 'Creating', productCode: 'lnmp000101' }, offered: false };
    expect(refusal(decideLaunch(facts({ ...broken, limits: { ...facts().limits, balanceFen: -1 } }), { amount: 1 }))).toBe('Account.Arrearage');
    expect(refusal(decideLaunch(facts(broken), { amount: 1 }))).toBe('IncorrectImageStatus');
    expect(refusal(decideLaunch(facts({ offered: false, limits: { ...facts().limits, instances: 50 } }), { amount: 1, skuCode: 'per', buyShortfall: true }))).toBe('QuotaExceed.ElasticQuota');
  });

  it('buys the shortfall only when asked, and the minimum must be left after paying for it (issue 12)', () => {
    expect(decideLaunch(facts({ available: 1 }), { amount: 3, skuCode: 'per', buyShortfall: true })).toMatchObject({ ok: true, buy: { skuCode: 'per', quantity: 2, costFen: 19_800 } });
    expect(refusal(decideLaunch(facts({ available: 1 }), { amount: 3, skuCode: 'per' }))).toBe('QuotaExceed.BuyImage');
    const wallet = (balanceFen: number) => facts({ limits: { ...facts().limits, balanceFen } });
    expect(decideLaunch(wallet(19_900), { amount: 1, skuCode: 'per', buyShortfall: true }).ok).toBe(true);
    const short = decideLaunch(wallet(19_899), { amount: 1, skuCode: 'per', buyShortfall: true });
    expect(short.ok ? null : [short.refusal.code, short.refusal.params.reason]).toEqual(['InvalidAccountStatus.NotEnoughBalance', 'launch']);
    // Without a minimum, a wallet that cannot pay for the licenses refuses the order itself.
    const unpaid = decideLaunch(facts({ limits: { ...facts().limits, balanceFen: 9_000, minLaunchBalanceFen: 0 } }), { amount: 1, skuCode: 'per', buyShortfall: true });
    expect(unpaid.ok ? null : [unpaid.refusal.code, unpaid.refusal.params.reason]).toEqual(['InvalidAccountStatus.NotEnoughBalance', 'order']);
    expect(decideLaunch(facts(), { amount: 3, skuCode: 'hour' })).toMatchObject({ ok: true, buy: { skuCode: 'hour', quantity: 3, costFen: 0 } });
  });
});
