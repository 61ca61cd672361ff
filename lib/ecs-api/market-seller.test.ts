// Issue 18, the seller's (ISV) Marketplace API actions: an approved seller reads the orders and
// licenses of its own products, the ECS instances running its images and its failed lifecycle
// calls (SEL-5); another seller's order is not found, a buyer is Forbidden. And INSTANCE_RENEW
// renews a subscription license's instance as the console's renewal does (MKT-11).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { MARKET, v1Request, acs3Request, type Key } from '../../tests/helpers/ecs-requests';
import { balance, fund, productImage, settle } from '../../tests/helpers/marketplace';
import { skuCode } from '../seed/marketplace';
import { newRequestId } from '../domain/ids';
import { createAccessKey } from '../services/access-keys';
import { deliverDue } from '../services/deliveries';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
let sellers: Awaited<ReturnType<typeof seedTestMarketplace>>;
beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
});

const LNMP = 'lnmp000101'; // cloudsail's
const NODE = 'ndpm000105'; // xinghe's, monthly ¥29.00

async function market(key: Key, action: string, params: Record<string, string> = {}, signature: 'v1' | 'acs3' = 'v1') {
  const request = signature === 'v1' ? v1Request(key, { Action: action, ...params, ...MARKET.v1 }) : acs3Request(key, action, params, { headers: MARKET.acs3 });
  const response = await handleEcsRequest(request);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const sellerKey = async (name: string) => await createAccessKey({ userId: null, accountId: sellers.get(name)!.accountId, roles: ['buyer', 'seller'], requestId: newRequestId() });
const commodity = (productCode: string, model: string, quantity = 1) => JSON.stringify({ productCode, skuCode: skuCode(productCode, model), quantity, properties: { regionId: 'cn-hangzhou' } });

async function buyer() {
  const actor = await newBuyer();
  await fund(actor, 1_000_000);
  return { actor, key: await createAccessKey(actor) };
}

describe("a seller's own sales through the API (issue 18)", () => {
  it('its order, its license, the instance running its image; another seller finds none; a buyer is Forbidden', async () => {
    const { actor, key } = await buyer();
    const order = (await market(key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(LNMP, 'per_instance') })).body;
    const run = await (await handleEcsRequest(v1Request(key, { Action: 'RunInstances', RegionId: 'cn-hangzhou', ImageId: await productImage(LNMP), InstanceType: 'ecs.g7.large' }))).json();
    const instanceId = run.InstanceIdSets.InstanceIdSet[0];
    await settle();
    const licenseId = order.InstanceIds.InstanceId[0];
    const seller = await sellerKey('cloudsail');
    const rival = await sellerKey('qingshan');

    expect(await market(seller, 'DescribeOrderForIsv', { OrderId: order.OrderId }, 'acs3')).toMatchObject({ status: 200, body: { AliUid: actor.accountId, ProductCode: LNMP, Quantity: 1, PaymentPrice: 99, InstanceIds: [licenseId] } });
    const license = await market(seller, 'DescribeInstanceForIsv', { InstanceId: licenseId });
    expect(license.body).toMatchObject({ ProductCode: LNMP, Status: 'IN_USE', LicenseCode: licenseId });
    expect(JSON.parse(license.body.HostJson)).toMatchObject({ InstanceId: instanceId });
    const usage = await market(seller, 'DescribeImageInstanceForIsv', { EcsInstanceId: instanceId }, 'acs3');
    expect(usage.body).toMatchObject({ ProductCode: LNMP, LicenseCode: licenseId, Status: 'RUNNING' });
    expect(JSON.parse(usage.body.HostJson)).toMatchObject({ InstanceId: instanceId, AliUid: actor.accountId });
    expect((await market(seller, 'DescribeImageInstanceForIsv', { CustomerPk: actor.accountId })).body.LicenseCode).toBe(licenseId);

    expect(await market(rival, 'DescribeOrderForIsv', { OrderId: order.OrderId })).toMatchObject({ status: 404, body: { Code: 'InvalidOrderId.NotFound' } });
    expect(await market(rival, 'DescribeInstanceForIsv', { InstanceId: licenseId })).toMatchObject({ status: 404, body: { Code: 'InvalidInstanceId.NotFound' } });
    expect(await market(rival, 'DescribeImageInstanceForIsv', { EcsInstanceId: instanceId }, 'acs3')).toMatchObject({ status: 404, body: { Code: 'InvalidInstanceId.NotFound' } });
    for (const action of ['DescribeOrderForIsv', 'DescribeInstanceForIsv', 'DescribeImageInstanceForIsv', 'DescribeFailedNotifications']) {
      expect(await market(key, action, { OrderId: order.OrderId, InstanceId: licenseId, EcsInstanceId: instanceId })).toMatchObject({ body: { Code: 'Forbidden' } });
    }
    expect(await market(seller, 'DescribeImageInstanceForIsv')).toMatchObject({ status: 400, body: { Code: 'MissingParameter' } });
  });

  it('a lifecycle call that failed is listed by DescribeFailedNotifications, for its seller only (SEL-5)', async () => {
    // The interface is a closed local port: the call fails at once.
    await db().update(products).set({ interfaceUrl: 'http://127.0.0.1:9/calls' }).where(eq(products.code, NODE));
    const { key } = await buyer();
    const seller = await sellerKey('xinghe');
    const before = (await market(seller, 'DescribeFailedNotifications')).body.TotalCount;
    await market(key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(NODE, 'monthly') });
    await deliverDue();
    const failed = await market(seller, 'DescribeFailedNotifications', { PageSize: '50' }, 'acs3');
    expect(failed.body.TotalCount).toBe(before + 1);
    expect(failed.body.NotificationList[0]).toMatchObject({ NotificationRequestId: expect.any(String), Action: 'newInstance', CreateTime: expect.any(Number), Message: expect.any(String) });
    expect((await market(await sellerKey('cloudsail'), 'DescribeFailedNotifications')).body.NotificationList.map((n: any) => n.NotificationRequestId)).not.toContain(failed.body.NotificationList[0].NotificationRequestId);
  });
});

describe('CreateOrder INSTANCE_RENEW renews the instance holding a subscription license (issue 18, MKT-11)', () => {
  it('DescribePrice says duration × the monthly price, which CreateOrder charges once per ClientToken; the license ends later', async () => {
    const { actor, key } = await buyer();
    const order = (await market(key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(NODE, 'monthly') })).body;
    const licenseId = order.InstanceIds.InstanceId[0];
    await handleEcsRequest(v1Request(key, { Action: 'RunInstances', RegionId: 'cn-hangzhou', ImageId: await productImage(NODE), InstanceType: 'ecs.g7.large' }));
    await settle();
    const endBefore = (await market(key, 'DescribeInstance', { InstanceId: licenseId })).body.EndOn;
    const before = await balance(actor);
    const renewal = { OrderType: 'INSTANCE_RENEW', ClientToken: crypto.randomUUID(), Commodity: JSON.stringify({ instanceId: licenseId, duration: 2, productCode: NODE }) };
    const price = await market(key, 'DescribePrice', { OrderType: 'INSTANCE_RENEW', Commodity: renewal.Commodity }, 'acs3');
    expect(price.body).toMatchObject({ ProductCode: NODE, TradePrice: 58, Cycle: 'MONTH', Duration: 2 });
    const first = await market(key, 'CreateOrder', renewal, 'acs3');
    const again = await market(key, 'CreateOrder', renewal);
    expect(first).toMatchObject({ status: 200, body: { OrderId: expect.stringMatching(/^o-/), InstanceIds: { InstanceId: [licenseId] } } });
    expect(again.body.OrderId).toBe(first.body.OrderId);
    expect(before - await balance(actor)).toBe(2 * 2900);
    expect((await market(key, 'DescribeInstance', { InstanceId: licenseId })).body.EndOn).toBeGreaterThan(endBefore);
    expect((await market(key, 'DescribeOrder', { OrderId: first.body.OrderId })).body).toMatchObject({ OrderType: 'INSTANCE_RENEW', PaymentPrice: 58 });
    // An unused license has no instance to renew.
    const unused = (await market(key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(NODE, 'monthly') })).body.InstanceIds.InstanceId[0];
    expect(await market(key, 'CreateOrder', { OrderType: 'INSTANCE_RENEW', Commodity: JSON.stringify({ instanceId: unused, duration: 1 }) })).toMatchObject({ status: 403, body: { Code: 'InvalidInstance.NotSubscription' } });
  });
});
