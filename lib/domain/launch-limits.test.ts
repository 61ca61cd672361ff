// Issue 12 "a launch must be affordable": the minimum balance for pay-as-you-go instances and the
// per-region instance and vCPU quotas (ADM-4 settings), as one pure rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { launchRefusal, launchRoom, type LaunchLimits } from './launch-limits';
import { defaultSettings } from './settings';

const production = defaultSettings('production');
const fresh: LaunchLimits = { minLaunchBalanceFen: production.minLaunchBalanceFen, instanceQuotaPerRegion: production.instanceQuotaPerRegion, vcpuQuotaPerRegion: production.vcpuQuotaPerRegion, balanceFen: 10_000, instances: 0, vcpus: 0 };

const limitsArb = fc.record({
  minLaunchBalanceFen: fc.integer({ min: 0, max: 100_000 }),
  instanceQuotaPerRegion: fc.integer({ min: 1, max: 300 }),
  vcpuQuotaPerRegion: fc.integer({ min: 1, max: 1_000 }),
  balanceFen: fc.integer({ min: -10_000, max: 200_000 }),
  instances: fc.integer({ min: 0, max: 400 }),
  vcpus: fc.integer({ min: 0, max: 1_500 }),
});
const vcpuArb = fc.constantFrom(1, 2, 4, 8, 16, 64);
const amountArb = fc.integer({ min: 1, max: 100 });

describe('launch limits (issue 12, ADM-4)', () => {
  it('production defaults: ¥100.00 minimum, 50 instances and 200 vCPUs per region; demo and test need no money', () => {
    expect([production.minLaunchBalanceFen, production.instanceQuotaPerRegion, production.vcpuQuotaPerRegion]).toEqual([10_000, 50, 200]);
    expect(defaultSettings('test').minLaunchBalanceFen).toBe(0);
    expect(defaultSettings('demo').minLaunchBalanceFen).toBe(0);
  });

  it('a ¥0 account launches nothing under the production defaults (InvalidAccountStatus.NotEnoughBalance)', () => {
    const refusal = launchRefusal({ ...fresh, balanceFen: 0 }, 8, 100);
    expect(refusal?.code).toBe('InvalidAccountStatus.NotEnoughBalance');
    expect(refusal?.params).toEqual({ reason: 'launch', balance: '¥0.00', minimum: '¥100.00' });
    expect(launchRoom({ ...fresh, balanceFen: 9_999 }, 2)).toEqual({ more: 0, limitedBy: 'balance' });
    expect(launchRefusal({ ...fresh, balanceFen: 10_000 }, 2, 1)).toBeNull();
  });

  it('the 51st instance is refused with the limit, what is used and what was asked', () => {
    expect(launchRefusal({ ...fresh, instances: 49, vcpus: 98 }, 2, 1)).toBeNull();
    const refusal = launchRefusal({ ...fresh, instances: 50, vcpus: 100 }, 2, 1);
    expect(refusal?.code).toBe('QuotaExceed.ElasticQuota');
    expect(refusal?.params).toEqual({ quota: 'instances', limit: 50, used: 50, requested: 1, more: 0 });
    expect(launchRefusal({ ...fresh, instances: 38, vcpus: 76 }, 2, 13)?.params).toMatchObject({ quota: 'instances', more: 12 });
  });

  it('the vCPUs cap: 25 ecs.r7.2xlarge (8 vCPUs) fill 200, the 26th is refused', () => {
    expect(launchRoom(fresh, 8)).toEqual({ more: 25, limitedBy: 'vcpus' });
    expect(launchRefusal(fresh, 8, 25)).toBeNull();
    expect(launchRefusal(fresh, 8, 30)?.params).toEqual({ quota: 'vcpus', limit: 200, used: 0, requested: 240, more: 25 });
  });

  it('never allows a launch that ends above a quota or below the minimum balance', () => {
    fc.assert(
      fc.property(limitsArb, vcpuArb, amountArb, (limits, vcpu, amount) => {
        if (launchRefusal(limits, vcpu, amount) !== null) return;
        expect(limits.balanceFen).toBeGreaterThanOrEqual(limits.minLaunchBalanceFen);
        expect(limits.instances + amount).toBeLessThanOrEqual(limits.instanceQuotaPerRegion);
        expect(limits.vcpus + amount * vcpu).toBeLessThanOrEqual(limits.vcpuQuotaPerRegion);
      }),
    );
  });

  it('the room is the minimum over the quotas, and exactly the amounts up to it are allowed', () => {
    fc.assert(
      fc.property(limitsArb, vcpuArb, amountArb, (limits, vcpu, amount) => {
        const room = launchRoom(limits, vcpu);
        const byQuotas = Math.max(0, Math.min(limits.instanceQuotaPerRegion - limits.instances, Math.floor((limits.vcpuQuotaPerRegion - limits.vcpus) / vcpu)));
        expect(room.more).toBe(limits.balanceFen < limits.minLaunchBalanceFen ? 0 : byQuotas);
        expect(launchRefusal(limits, vcpu, amount) === null).toBe(amount <= room.more);
      }),
    );
  });

  it('a refusal over a quota names that quota and tells how many more can be launched', () => {
    fc.assert(
      fc.property(limitsArb, vcpuArb, amountArb, (limits, vcpu, amount) => {
        const refusal = launchRefusal(limits, vcpu, amount);
        if (refusal?.code !== 'QuotaExceed.ElasticQuota') return;
        const { quota, limit, used, requested, more } = refusal.params;
        expect(more).toBe(launchRoom(limits, vcpu).more);
        expect(Number(used) + Number(requested)).toBeGreaterThan(Number(limit));
        expect(quota === 'instances' ? limits.instanceQuotaPerRegion : limits.vcpuQuotaPerRegion).toBe(limit);
      }),
    );
  });
});
