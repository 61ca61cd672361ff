// MKT-9: the Auto Scaling (ESS, 2014-08-28) subset over the scaling-group services, signed as
// both SDKs sign: create a group of a product-coded image, set its desired capacity, read its
// activities (a shortfall fails with QuotaExceed.BuyImage), modify and delete it.
import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { acs3Request, ESS, v1Request, type Key } from '../../tests/helpers/ecs-requests';
import { fund, licensesOf, productImage } from '../../tests/helpers/marketplace';
import { runDueJobs } from '../jobs/worker';
import { createAccessKey } from '../services/access-keys';
import { releaseInstance } from '../services/instances';
import { getScalingGroup } from '../services/scaling-groups';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
beforeAll(async () => {
  await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
});

const LNMP = 'lnmp000101';

type Answer = { status: number; body: Record<string, any> };

async function ess(key: Key, action: string, params: Record<string, string> = {}, signature: 'v1' | 'acs3' = 'v1'): Promise<Answer> {
  const request = signature === 'v1' ? v1Request(key, { Action: action, ...params, ...ESS.v1 }) : acs3Request(key, action, params, { headers: ESS.acs3 });
  const response = await handleEcsRequest(request);
  return { status: response.status, body: await response.json() };
}

describe('MKT-9 the ESS API (2014-08-28)', () => {
  it('MKT-9: CreateScalingGroup, SetGroupDesiredCapacity and DescribeScalingActivities in Alibaba shapes, both signatures', async () => {
    const actor = await newBuyer();
    await fund(actor, 1_000_000);
    const key = await createAccessKey(actor);
    const created = await ess(key, 'CreateScalingGroup', { RegionId: 'cn-hangzhou', ScalingGroupName: 'web', ImageId: await productImage(LNMP), InstanceType: 'ecs.t6-c1m1.large', MinSize: '0', MaxSize: '5', 'RemovalPolicy.1': 'NewestInstance', LicenseMode: 'BuyOnScaleOut', SpendingCap: '198.00' });
    expect(created.status).toBe(200);
    const groupId = created.body.ScalingGroupId;
    expect(groupId).toMatch(/^asg-/);

    const set = await ess(key, 'SetGroupDesiredCapacity', { ScalingGroupId: groupId, DesiredCapacity: '3' }, 'acs3');
    expect(set.status).toBe(200);
    await runDueJobs();

    const groups = await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou' }, 'acs3');
    expect(groups.body.ScalingGroups.ScalingGroup).toEqual([
      expect.objectContaining({ ScalingGroupId: groupId, ScalingGroupName: 'web', MinSize: 0, MaxSize: 5, DesiredCapacity: 3, TotalCapacity: 2, LifecycleState: 'Active', RemovalPolicies: { RemovalPolicy: ['NewestInstance'] }, LicenseMode: 'BuyOnScaleOut', SpendingCap: '198.00' }),
    ]);
    expect(await licensesOf(actor, LNMP)).toHaveLength(2);

    const activities = await ess(key, 'DescribeScalingActivities', { RegionId: 'cn-hangzhou', ScalingGroupId: groupId });
    const [failed, added] = activities.body.ScalingActivities.ScalingActivity;
    expect(added).toMatchObject({ ScalingGroupId: groupId, StatusCode: 'Successful', Description: 'Add "2" ECS instance(s)', TotalCapacity: '2', Progress: 100 });
    expect(failed).toMatchObject({ StatusCode: 'Failed', ErrorCode: 'QuotaExceed.BuyImage' });
    expect(failed.StatusMessage).toBe(`Not enough licenses: launching from product ${LNMP} in cn-hangzhou needs 3 licenses, and 2 are available. Buy the shortfall first.`);
    expect(failed.StartTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  });

  it('MKT-9: a desired capacity beyond MaxSize is refused with ESS codes; another account finds no group; ModifyScalingGroup and DeleteScalingGroup', async () => {
    const actor = await newBuyer();
    const key = await createAccessKey(actor);
    const { body } = await ess(key, 'CreateScalingGroup', { RegionId: 'cn-hangzhou', ScalingGroupName: 'sys', ImageId: await productImage(LNMP), InstanceType: 'ecs.t6-c1m1.large', MinSize: '1', MaxSize: '2', LicenseMode: 'Reserve' });
    const groupId = body.ScalingGroupId;
    expect((await ess(key, 'SetGroupDesiredCapacity', { ScalingGroupId: groupId, DesiredCapacity: '3' })).body.Code).toBe('InvalidParameter.DesiredCapacity');
    expect((await ess(key, 'CreateScalingGroup', { RegionId: 'cn-hangzhou', ScalingGroupName: 'bad', ImageId: await productImage(LNMP), InstanceType: 'ecs.t6-c1m1.large', MinSize: '3', MaxSize: '2' })).body.Code).toBe('InvalidParameter.MaxSize');
    const other = await createAccessKey(await newBuyer());
    const stranger = await ess(other, 'ModifyScalingGroup', { ScalingGroupId: groupId, MaxSize: '4' });
    expect([stranger.status, stranger.body.Code]).toEqual([404, 'InvalidScalingGroupId.NotFound']);
    expect((await ess(key, 'ModifyScalingGroup', { ScalingGroupId: groupId, MaxSize: '4', ScalingGroupName: 'sys2' })).status).toBe(200);
    expect((await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou', 'ScalingGroupIds.1': groupId })).body.ScalingGroups.ScalingGroup[0]).toMatchObject({ MaxSize: 4, ScalingGroupName: 'sys2', LicenseMode: 'Reserve' });
    expect((await ess(key, 'DeleteScalingGroup', { ScalingGroupId: groupId })).status).toBe(200);
    expect((await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou' })).body.TotalCount).toBe(0);
  });

  it('MKT-9: DeleteScalingGroup without ForceDelete=true refuses a group with instances (InstanceInUse), as Alibaba does, releasing none', async () => {
    const actor = await newBuyer();
    await fund(actor, 1_000_000);
    const key = await createAccessKey(actor);
    const { body } = await ess(key, 'CreateScalingGroup', { RegionId: 'cn-hangzhou', ScalingGroupName: 'keep', ImageId: await productImage(LNMP), InstanceType: 'ecs.t6-c1m1.large', MinSize: '0', MaxSize: '2', DesiredCapacity: '1', SpendingCap: '99.00' });
    await runDueJobs();
    const groupId = body.ScalingGroupId;
    const refused = await ess(key, 'DeleteScalingGroup', { ScalingGroupId: groupId });
    expect([refused.status, refused.body.Code]).toEqual([400, 'InstanceInUse']);
    expect((await ess(key, 'DeleteScalingGroup', { ScalingGroupId: groupId, ForceDelete: 'false' })).body.Code).toBe('InstanceInUse');
    expect((await ess(key, 'DeleteScalingGroup', { ScalingGroupId: groupId, ForceDelete: 'maybe' })).body.Code).toBe('InvalidParameter');
    expect((await licensesOf(actor, LNMP)).filter((l) => l.status === 'in_use')).toHaveLength(1);
    expect((await ess(key, 'DeleteScalingGroup', { ScalingGroupId: groupId, ForceDelete: 'true' })).status).toBe(200);
    expect((await licensesOf(actor, LNMP)).filter((l) => l.status === 'available')).toHaveLength(1);
  });

  it('MKT-9: a RegionId other than the group\'s finds no group; ESS pages hold 10 by default and at most 50; a released member is no capacity', async () => {
    const actor = await newBuyer();
    await fund(actor, 1_000_000);
    const key = await createAccessKey(actor);
    const { body } = await ess(key, 'CreateScalingGroup', { RegionId: 'cn-hangzhou', ScalingGroupName: 'region', ImageId: await productImage(LNMP), InstanceType: 'ecs.t6-c1m1.large', MinSize: '0', MaxSize: '2', DesiredCapacity: '1', SpendingCap: '99.00' });
    await runDueJobs();
    const groupId = body.ScalingGroupId;
    for (const [action, extra] of [['SetGroupDesiredCapacity', { DesiredCapacity: '2' }], ['ModifyScalingGroup', { MaxSize: '3' }], ['DescribeScalingActivities', {}], ['DeleteScalingGroup', { ForceDelete: 'true' }]] as const) {
      const elsewhere = await ess(key, action, { RegionId: 'cn-shanghai', ScalingGroupId: groupId, ...extra });
      expect([action, elsewhere.status, elsewhere.body.Code]).toEqual([action, 404, 'InvalidScalingGroupId.NotFound']);
    }
    expect((await ess(key, 'DescribeScalingActivities', { ScalingGroupId: groupId })).body.Code).toBe('MissingParameter');
    expect((await ess(key, 'SetGroupDesiredCapacity', { RegionId: 'cn-hangzhou', ScalingGroupId: groupId, DesiredCapacity: '1' })).status).toBe(200);

    const described = await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou' });
    expect(described.body).toMatchObject({ PageSize: 10, ScalingGroups: { ScalingGroup: [expect.objectContaining({ ScalingGroupId: groupId, TotalCapacity: 1 })] } });
    expect((await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou', PageSize: '50' })).body.PageSize).toBe(50);
    expect((await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou', PageSize: '51' })).body.Code).toBe('InvalidPageSize.Malformed');
    expect((await ess(key, 'DescribeScalingActivities', { RegionId: 'cn-hangzhou', ScalingGroupId: groupId, PageSize: '51' })).body.Code).toBe('InvalidPageSize.Malformed');
    expect((await ess(key, 'DescribeScalingActivities', { RegionId: 'cn-hangzhou', ScalingGroupId: groupId })).body.PageSize).toBe(10);

    // Released by its owner, the member stays in the group until the sweep replaces it: it is no capacity meanwhile.
    const [member] = (await getScalingGroup(actor, groupId)).members;
    await releaseInstance(actor, member.instanceId);
    expect((await getScalingGroup(actor, groupId)).members).toHaveLength(1);
    expect((await ess(key, 'DescribeScalingGroups', { RegionId: 'cn-hangzhou' })).body.ScalingGroups.ScalingGroup[0]).toMatchObject({ TotalCapacity: 0, ActiveCapacity: 0 });
  });
});
