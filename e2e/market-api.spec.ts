// Issue 18: the Cloud Marketplace API (Version 2015-11-01) through the real SDKs, unchanged,
// against the running server: @alicloud/market20151101 (ACS3) and @alicloud/pop-core (v1).
import RPCClient from '@alicloud/pop-core';
import MarketModule, * as $Market from '@alicloud/market20151101';
import EcsModule, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import * as $OpenApi from '@alicloud/openapi-client';
import { expect, test } from '@playwright/test';
import { codeOf, useServerDatabase } from './helpers';

test.describe.configure({ mode: 'serial' });

const Market = ((MarketModule as unknown as { default?: typeof MarketModule }).default ?? MarketModule) as typeof MarketModule;
const Ecs = ((EcsModule as unknown as { default?: typeof EcsModule }).default ?? EcsModule) as typeof EcsModule;
type Key = { accessKeyId: string; accessKeySecret: string };
const REGION = 'cn-hangzhou';

const pop = (baseURL: string, key: Key) => new RPCClient({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: baseURL, apiVersion: '2015-11-01' });
const market = (baseURL: string, key: Key) => new Market(new $OpenApiUtil.Config({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: new URL(baseURL).host, protocol: 'http', regionId: REGION }));
const ecs = (baseURL: string, key: Key) => new Ecs(new $OpenApi.Config({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: new URL(baseURL).host, protocol: 'http', regionId: REGION }));

// The world of this file, made through the services (fixtures, not the subject): two buyers (one
// with ¥2,000, one with nothing), a fresh seller with a listed product whose interface refuses
// calls and a delisted one, and a key of the seller of lnmp000101 (another seller).
let buyer: Key & { accountId: string };
let poor: Key;
let seller: Key;
let rival: Key;
let product: string;
let delisted: string;
const word = `Quokka${Date.now().toString(36)}`;

test.beforeAll(async () => {
  const db = await useServerDatabase();
  const { eq } = await import('drizzle-orm');
  const { accounts, products } = await import('../db/schema');
  const { createAccount } = await import('../lib/services/accounts');
  const { createAccessKey } = await import('../lib/services/access-keys');
  const { creditWallet } = await import('../lib/services/wallet');
  const { delistProduct, insertProduct } = await import('../lib/seed/marketplace');
  const { seedProducts } = await import('../db/seed/marketplace-data');
  const { newRequestId } = await import('../lib/domain/ids');
  const actor = (accountId: string, roles: ('buyer' | 'seller')[] = ['buyer']) => ({ userId: null, accountId, roles, requestId: newRequestId() });

  const buyerId = await createAccount('Market API buyer');
  await creditWallet(buyerId, 200_000, 'test_credit');
  buyer = { ...await createAccessKey(actor(buyerId)), accountId: buyerId };
  poor = await createAccessKey(actor(await createAccount('Market API poor buyer')));

  const sellerId = await createAccount('Market API seller');
  await db.update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, sellerId));
  seller = await createAccessKey(actor(sellerId, ['buyer', 'seller']));
  const digits = String(Date.now()).slice(-6);
  product = `mkta${digits}`;
  delisted = `mktd${digits}`;
  const template = seedProducts.find((p) => p.code === 'lnmp000101')!;
  const now = new Date();
  await insertProduct(db, { accountId: sellerId, name: 'Market API seller' }, { ...template, code: product, title: `${word} LNMP`, featured: false, listedDaysAgo: 0 }, now);
  await insertProduct(db, { accountId: sellerId, name: 'Market API seller' }, { ...template, code: delisted, title: `${word} old`, featured: false, listedDaysAgo: 0 }, now);
  await delistProduct(db, delisted, now);
  // Calls to this seller go to a closed local port: they fail, and are listed as failed.
  await db.update(products).set({ interfaceUrl: 'http://127.0.0.1:9/calls' }).where(eq(products.code, product));
  const lnmpSeller = (await db.select().from(products).where(eq(products.code, 'lnmp000101')).limit(1)).at(0)!.sellerAccountId;
  rival = await createAccessKey(actor(lnmpSeller, ['buyer', 'seller']));
});

const commodity = (productCode: string, quantity: number) => JSON.stringify({ productCode, skuCode: `${productCode}-per_instance`, quantity, duration: 1, pricingCycle: 'Month', components: {}, properties: { regionId: REGION } });

let orderId: string;
let ecsInstanceIds: string[];

test('search finds the product; DescribePrice equals what CreateOrder charges, once per ClientToken; the 3 licenses launch 3 (both SDKs)', async ({ baseURL }) => {
  const found = await market(baseURL!, buyer).describeProducts(new $Market.DescribeProductsRequest({ searchTerm: word, filter: [new $Market.DescribeProductsRequestFilter({ key: 'regionId', value: REGION })] }));
  expect(found.body?.productItems?.productItem?.map((p) => p.code)).toEqual([product]);
  const viaPop = (await pop(baseURL!, buyer).request('DescribeProducts', { SearchTerm: word, PageSize: 10 })) as { TotalCount: number; ProductItems: { ProductItem: { Code: string }[] } };
  expect(viaPop.ProductItems.ProductItem.map((p) => p.Code)).toEqual([product]);
  const detail = await market(baseURL!, buyer).describeProduct(new $Market.DescribeProductRequest({ code: product }));
  expect(detail.body?.productSkus?.productSku?.map((s) => s.code)).toContain(`${product}-per_instance`);

  const price = await market(baseURL!, buyer).describePrice(new $Market.DescribePriceRequest({ orderType: 'INSTANCE_BUY', commodity: commodity(product, 3) }));
  expect(price.body?.tradePrice).toBe(297);
  const viaPopPrice = (await pop(baseURL!, buyer).request('DescribePrice', { OrderType: 'INSTANCE_BUY', Commodity: commodity(product, 3) })) as { TradePrice: number };
  expect(viaPopPrice.TradePrice).toBe(297);

  const balance = async () => {
    const { walletBalance } = await import('../lib/services/wallet');
    return await walletBalance({ userId: null, accountId: buyer.accountId, roles: ['buyer'], requestId: 'e2e' });
  };
  const before = await balance();
  const order = new $Market.CreateOrderRequest({ orderType: 'INSTANCE_BUY', paymentType: 'AUTO', clientToken: `market-e2e-${word}`, commodity: commodity(product, 3) });
  const first = await market(baseURL!, buyer).createOrder(order);
  const again = (await pop(baseURL!, buyer).request('CreateOrder', { OrderType: 'INSTANCE_BUY', PaymentType: 'AUTO', ClientToken: `market-e2e-${word}`, Commodity: commodity(product, 3) }, { method: 'POST' })) as { OrderId: string };
  orderId = first.body!.orderId!;
  expect(again.OrderId).toBe(orderId);
  expect(first.body?.instanceIds?.instanceId).toHaveLength(3);
  expect(before - (await balance())).toBe(29_700);
  const described = await market(baseURL!, buyer).describeOrder(new $Market.DescribeOrderRequest({ orderId }));
  expect(described.body).toMatchObject({ productCode: product, quantity: 3, paymentPrice: 297 });

  const ecsPop = new RPCClient({ accessKeyId: buyer.accessKeyId, accessKeySecret: buyer.accessKeySecret, endpoint: baseURL!, apiVersion: '2014-05-26' });
  const images = (await ecsPop.request('DescribeImages', { RegionId: REGION, ImageOwnerAlias: 'marketplace', ProductCode: product })) as { Images: { Image: { ImageId: string }[] } };
  const run = await ecs(baseURL!, buyer).runInstances(new $Ecs.RunInstancesRequest({ regionId: REGION, imageId: images.Images.Image[0].ImageId, instanceType: 'ecs.g7.large', amount: 3 }));
  ecsInstanceIds = run.body!.instanceIdSets!.instanceIdSet!;
  expect(ecsInstanceIds).toHaveLength(3);
  const licenses = await market(baseURL!, buyer).describeInstances(new $Market.DescribeInstancesRequest({ codes: product }));
  expect(licenses.body?.instanceItems?.instanceItem?.map((i) => i.status)).toEqual(['IN_USE', 'IN_USE', 'IN_USE']);
  expect(licenses.body?.instanceItems?.instanceItem?.map((i) => JSON.parse(i.hostJson!).InstanceId).sort()).toEqual([...ecsInstanceIds].sort());
});

test('a delisted product and a short wallet are refused with their codes through both SDKs', async ({ baseURL }) => {
  const acs3 = (key: Key, code: string) => market(baseURL!, key).createOrder(new $Market.CreateOrderRequest({ orderType: 'INSTANCE_BUY', paymentType: 'AUTO', commodity: commodity(code, 1) })).catch((e) => e);
  const v1 = (key: Key, code: string) => codeOf(pop(baseURL!, key).request('CreateOrder', { OrderType: 'INSTANCE_BUY', Commodity: commodity(code, 1) }, { method: 'POST' }));
  const gone = await acs3(buyer, delisted);
  expect([gone.code, gone.statusCode]).toEqual(['InvalidProduct.Delisted', 403]);
  expect(await v1(buyer, delisted)).toBe('InvalidProduct.Delisted');
  const short = await acs3(poor, product);
  expect([short.code, short.statusCode]).toEqual(['InvalidAccountStatus.NotEnoughBalance', 403]);
  expect(await v1(poor, product)).toBe('InvalidAccountStatus.NotEnoughBalance');
});

test('the seller sees its order and the instances running its image; another seller does not find the order; failed calls are listed', async ({ baseURL }) => {
  const own = await market(baseURL!, seller).describeOrderForIsv(new $Market.DescribeOrderForIsvRequest({ orderId }));
  expect(own.body).toMatchObject({ productCode: product, quantity: 3 });
  expect(own.body?.instanceIds).toHaveLength(3);
  const viaPop = (await pop(baseURL!, seller).request('DescribeOrderForIsv', { OrderId: orderId })) as { AliUid: string };
  expect(viaPop.AliUid).toBe(buyer.accountId);
  const usage = await market(baseURL!, seller).describeImageInstanceForIsv(new $Market.DescribeImageInstanceForIsvRequest({ ecsInstanceId: ecsInstanceIds[0] }));
  expect(JSON.parse(usage.body!.hostJson!)).toMatchObject({ InstanceId: ecsInstanceIds[0], AliUid: buyer.accountId });

  const rivalAnswer = await market(baseURL!, rival).describeOrderForIsv(new $Market.DescribeOrderForIsvRequest({ orderId })).catch((e) => e);
  expect([rivalAnswer.code, rivalAnswer.statusCode]).toEqual(['InvalidOrderId.NotFound', 404]);
  expect(await codeOf(pop(baseURL!, rival).request('DescribeOrderForIsv', { OrderId: orderId }))).toBe('InvalidOrderId.NotFound');

  // The worker has tried the 3 newInstance calls by now or soon: each failed at the closed port.
  await expect
    .poll(async () => (await market(baseURL!, seller).describeFailedNotifications(new $Market.DescribeFailedNotificationsRequest({ pageSize: 50 }))).body?.totalCount, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3);
  const failed = (await pop(baseURL!, seller).request('DescribeFailedNotifications', { PageSize: 50 })) as { NotificationList: { Action: string }[] };
  expect(failed.NotificationList.map((n) => n.Action)).toContain('newInstance');
});
