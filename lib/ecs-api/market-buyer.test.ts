// Issue 18, the buyer's Marketplace API actions over the console's services (API-5): search,
// a product, a price that is what the order charges, an order paid once per ClientToken
// (IMP-8), every refusal of the console's purchase with its code, and the licenses as market
// instances with the ECS instance holding each.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { seedProducts } from '../../db/seed/marketplace-data';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { acs3Request, MARKET, v1Request, type Key } from '../../tests/helpers/ecs-requests';
import { balance, fund, productImage, settle } from '../../tests/helpers/marketplace';
import { skuCode } from '../seed/marketplace';
import type { Actor } from '../domain/actor';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
beforeAll(async () => {
  await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
});

const LNMP = 'lnmp000101'; // per_instance ¥99.00 + hourly, versions 1.0.0 and 2.0.0, all regions
const delisted = seedProducts.find((p) => p.status === 'delisted')!;
const notInHangzhou = seedProducts.find((p) => p.status !== 'delisted' && p.regions && !p.regions.includes('cn-hangzhou'))!;

type Answer = { status: number; body: Record<string, any> };

/** A Marketplace call, signed v1 (GET) or ACS3. */
async function market(key: Key, action: string, params: Record<string, string> = {}, signature: 'v1' | 'acs3' = 'v1'): Promise<Answer> {
  const request = signature === 'v1' ? v1Request(key, { Action: action, ...params, ...MARKET.v1 }) : acs3Request(key, action, params, { headers: MARKET.acs3 });
  const response = await handleEcsRequest(request);
  return { status: response.status, body: await response.json() };
}

const commodity = (productCode: string, quantity: number, regionId = 'cn-hangzhou', model = 'per_instance') =>
  JSON.stringify({ productCode, skuCode: skuCode(productCode, model), quantity, duration: 1, pricingCycle: 'Month', components: {}, properties: { regionId } });

async function buyer(fen = 1_000_000): Promise<{ actor: Actor; key: Key }> {
  const actor = await newBuyer();
  if (fen) await fund(actor, fen);
  return { actor, key: await createAccessKey(actor) };
}

describe('DescribeProducts searches the listed products (issue 18)', () => {
  it('SearchTerm, Filter.N for category, pricing model and region, and paging', async () => {
    const { key } = await buyer(0);
    const found = await market(key, 'DescribeProducts', { SearchTerm: 'LNMP' });
    expect(found.body.ProductItems.ProductItem[0]).toMatchObject({ Code: LNMP, DeliveryWay: 'MIRROR', SuggestedPrice: expect.any(String) });
    const databases = await market(key, 'DescribeProducts', { 'Filter.1.Key': 'categoryId', 'Filter.1.Value': 'database', 'Filter.2.Key': 'pricingModel', 'Filter.2.Value': 'per_instance', PageSize: '50' }, 'acs3');
    expect(databases.status).toBe(200);
    const expected = seedProducts.filter((p) => p.category === 'database' && p.status !== 'delisted' && p.skus.some((s) => s.model === 'per_instance')).map((p) => p.code);
    expect(databases.body.ProductItems.ProductItem.map((i: { Code: string }) => i.Code).sort()).toEqual(expected.sort());
    const region = await market(key, 'DescribeProducts', { 'Filter.1.Key': 'regionId', 'Filter.1.Value': 'cn-hangzhou', PageSize: '50' });
    expect(region.body.ProductItems.ProductItem.map((i: { Code: string }) => i.Code)).not.toContain(notInHangzhou.code);
    const paged = await market(key, 'DescribeProducts', { PageSize: '2', PageNumber: '2' });
    expect(paged.body).toMatchObject({ PageNumber: 2, PageSize: 2, TotalCount: expect.any(Number) });
    expect(paged.body.ProductItems.ProductItem).toHaveLength(2);
    expect(paged.body.TotalCount).toBeGreaterThan(2);
    expect((await market(key, 'DescribeProducts', { 'Filter.1.Key': 'productType', 'Filter.1.Value': 'SERVICE' })).body).toMatchObject({ TotalCount: 0 });
    expect(await market(key, 'DescribeProducts', { 'Filter.1.Key': 'nonsense', 'Filter.1.Value': 'x' })).toMatchObject({ status: 400, body: { Code: 'InvalidParameter' } });
  });

  it('DescribeProduct: versions, regions, SKUs and prices', async () => {
    const { key } = await buyer(0);
    const { status, body } = await market(key, 'DescribeProduct', { Code: LNMP }, 'acs3');
    expect(status).toBe(200);
    expect(body).toMatchObject({ Code: LNMP, Type: 'MIRROR', Status: 'LISTED', ShopInfo: { Name: expect.any(String) } });
    const perInstance = body.ProductSkus.ProductSku.find((s: { Code: string }) => s.Code === skuCode(LNMP, 'per_instance'));
    const modules = new Map(perInstance.Modules.Module.map((m: any) => [m.Code, m.Properties.Property[0].PropertyValues.PropertyValue.map((v: any) => v.Value)]));
    expect(modules.get('price')).toEqual(['99']);
    expect(modules.get('package_version')).toEqual(expect.arrayContaining(['1.0.0', '2.0.0']));
    expect(modules.get('regionId')).toContain('cn-hangzhou');
    const versions = JSON.parse(body.ProductExtras.ProductExtra[0].Values);
    expect(versions[0].Images[0]).toMatchObject({ ImageId: expect.stringMatching(/^m-/), RegionId: expect.any(String) });
    expect(await market(key, 'DescribeProduct', { Code: 'zzzz999999' })).toMatchObject({ status: 404, body: { Code: 'InvalidProductCode.NotFound' } });
  });
});

describe('DescribePrice and CreateOrder (issue 18, MKT-2, MKT-3, IMP-8)', () => {
  it('the price is what the order charges; the same ClientToken buys once; the licenses launch 3 (both signatures)', async () => {
    const { actor, key } = await buyer();
    const price = await market(key, 'DescribePrice', { OrderType: 'INSTANCE_BUY', Commodity: commodity(LNMP, 3) }, 'acs3');
    expect(price).toMatchObject({ status: 200, body: { ProductCode: LNMP, TradePrice: 297, OriginalPrice: 297, Currency: 'CNY' } });
    const before = await balance(actor);
    const order = { OrderType: 'INSTANCE_BUY', PaymentType: 'AUTO', ClientToken: crypto.randomUUID(), Commodity: commodity(LNMP, 3) };
    const first = await market(key, 'CreateOrder', order, 'acs3');
    const again = await market(key, 'CreateOrder', order);
    expect(first).toMatchObject({ status: 200, body: { OrderId: expect.stringMatching(/^o-/), InstanceIds: { InstanceId: [expect.any(String), expect.any(String), expect.any(String)] } } });
    expect(again.body.OrderId).toBe(first.body.OrderId);
    expect(before - await balance(actor)).toBe(price.body.TradePrice * 100);
    expect(await db().select().from(auditLog).where(eq(auditLog.requestId, first.body.RequestId))).toMatchObject([{ action: 'BuyLicenses', outcome: 'ok', target: first.body.OrderId }]);

    const described = await market(key, 'DescribeOrder', { OrderId: first.body.OrderId }, 'acs3');
    expect(described.body).toMatchObject({ ProductCode: LNMP, Quantity: 3, PaymentPrice: 297, OrderType: 'INSTANCE_BUY' });
    expect([...described.body.InstanceIds.InstanceId].sort()).toEqual([...first.body.InstanceIds.InstanceId].sort());
    const licenses = await market(key, 'DescribeInstances', { Codes: LNMP });
    expect(licenses.body.TotalCount).toBe(3);
    expect(licenses.body.InstanceItems.InstanceItem.map((i: any) => i.Status)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE']);

    const run = await handleEcsRequest(v1Request(key, { Action: 'RunInstances', RegionId: 'cn-hangzhou', ImageId: await productImage(LNMP), InstanceType: 'ecs.g7.large', Amount: '3' }));
    const launched = (await run.json()).InstanceIdSets.InstanceIdSet;
    expect(launched).toHaveLength(3);
    await settle();
    const one = await market(key, 'DescribeInstance', { InstanceId: first.body.InstanceIds.InstanceId[0] }, 'acs3');
    expect(one.body).toMatchObject({ Status: 'IN_USE', LicenseCode: first.body.InstanceIds.InstanceId[0], ProductCode: LNMP });
    expect(launched).toContain(JSON.parse(one.body.HostJson).InstanceId);
    expect((await market(key, 'DescribeInstances', { ExceptCodes: LNMP })).body.TotalCount).toBe(0);
  });

  it.each(['v1', 'acs3'] as const)('every refusal of the console purchase, with its code (%s)', async (signature) => {
    const { key } = await buyer();
    const buy = (c: string, extra: Record<string, string> = {}) => market(key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: c, ...extra }, signature);
    expect(await buy(commodity(delisted.code, 1))).toMatchObject({ status: 403, body: { Code: 'InvalidProduct.Delisted' } });
    expect(await buy(commodity(notInHangzhou.code, 1, 'cn-hangzhou', notInHangzhou.skus[0].model))).toMatchObject({ status: 403, body: { Code: 'InvalidRegion.NotOffered' } });
    expect(await buy(commodity(LNMP, 101))).toMatchObject({ status: 400, body: { Code: 'InvalidParameter.Quantity' } });
    expect(await buy(commodity(LNMP, 1, 'cn-hangzhou', 'hourly'))).toMatchObject({ status: 400, body: { Code: 'InvalidSku.HourlyWithInstance' } });
    expect(await buy(commodity(LNMP, 1), { OrderType: 'INSTANCE_UPGRADE' })).toMatchObject({ status: 400, body: { Code: 'InvalidParameter' } });
    expect(await buy(commodity(LNMP, 1), { PaymentType: 'HAND' })).toMatchObject({ status: 400, body: { Code: 'InvalidParameter' } });
    expect(await buy('not json')).toMatchObject({ status: 400, body: { Code: 'InvalidParameter' } });
    expect(await buy(JSON.stringify({ skuCode: 'x' }))).toMatchObject({ status: 400, body: { Code: 'MissingParameter' } });
    const poor = await buyer(100);
    expect(await market(poor.key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(LNMP, 1) }, signature)).toMatchObject({ status: 403, body: { Code: 'InvalidAccountStatus.NotEnoughBalance' } });
    // DescribePrice refuses the same way: it runs the same checks.
    expect(await market(key, 'DescribePrice', { OrderType: 'INSTANCE_BUY', Commodity: commodity(delisted.code, 1) }, signature)).toMatchObject({ status: 403, body: { Code: 'InvalidProduct.Delisted' } });
  });

  it("another buyer's order and license do not exist for the caller", async () => {
    const owner = await buyer();
    const order = (await market(owner.key, 'CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(LNMP, 1) })).body;
    const other = await buyer(0);
    expect(await market(other.key, 'DescribeOrder', { OrderId: order.OrderId })).toMatchObject({ status: 404, body: { Code: 'InvalidOrderId.NotFound' } });
    expect(await market(other.key, 'DescribeInstance', { InstanceId: order.InstanceIds.InstanceId[0] })).toMatchObject({ status: 404, body: { Code: 'InvalidInstanceId.NotFound' } });
    expect((await market(other.key, 'DescribeInstances')).body.TotalCount).toBe(0);
  });
});
