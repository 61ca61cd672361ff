// Issue 18, the Marketplace dialect fuzzed like the ECS one (issue 12): every action with random
// parameters, and Commodity as any JSON at all. The answer is JSON with a RequestId, never a
// 5xx, and every error code is in the catalogue.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformSettings } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { fund } from '../../tests/helpers/marketplace';
import { acs3Request, MARKET, v1Request, type Key } from '../../tests/helpers/ecs-requests';
import { isCloudErrorCode } from '../domain/errors';
import { createAccessKey } from '../services/access-keys';
import { purchaseLicenses } from '../services/orders';
import { handleEcsRequest } from './handle';
import { marketActions } from './market-actions';

const { db } = throwawayDatabase();
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
let key: Key;
const realistic = new Map<string, string[]>();

beforeAll(async () => {
  const now = new Date();
  await db().insert(platformSettings).values([{ key: 'apiReadsPerSecond', value: 100_000, updatedAt: now }, { key: 'apiWritesPerSecond', value: 100_000, updatedAt: now }]);
  await seedTestMarketplace(db());
  const buyer = await newBuyer();
  await fund(buyer, 10_000_000);
  key = await createAccessKey(buyer);
  const order = await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 });
  const buy = JSON.stringify({ productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', quantity: 1, properties: { regionId: 'cn-hangzhou' } });
  realistic.set('Commodity', [buy, JSON.stringify({ instanceId: order.licenseIds[0], duration: 1 })]);
  realistic.set('OrderType', ['INSTANCE_BUY', 'INSTANCE_RENEW']);
  realistic.set('OrderId', [order.orderId]);
  realistic.set('InstanceId', [order.licenseIds[0]]);
  realistic.set('Code', ['lnmp000101']);
  realistic.set('Filter.1.Key', ['categoryId', 'pricingModel', 'regionId', 'sort', 'productType']);
});

const params = ['SearchTerm', 'Filter.1.Key', 'Filter.1.Value', 'Filter.2.Key', 'Filter.2.Value', 'PageNumber', 'PageSize', 'Code', 'OrderType', 'Commodity', 'ClientToken', 'PaymentType', 'OrderId', 'InstanceId', 'Codes', 'ExceptCodes', 'ProductType', 'EcsInstanceId', 'CustomerPk', '__proto__', 'constructor'];
const anyValue = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string() },
    { weight: 3, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.constantFrom('', '-1', '2.5', '1e9', 'null', '{}', '[]', '{"__proto__":{"x":1}}', '{"quantity":{"a":1},"properties":"x"}', '💥'.repeat(1000)) },
  );
const valueFor = (name: string) => (realistic.has(name) ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...realistic.get(name)!) }, { weight: 2, arbitrary: anyValue() }) : anyValue());
const call = fc.tuple(fc.constantFrom(...marketActions.keys()), fc.uniqueArray(fc.constantFrom(...params), { maxLength: 6 }).chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), valueFor(n))))), fc.boolean());

describe('fuzzing every Marketplace action through the real handler (issue 18)', () => {
  it(`${NUM_RUNS} signed calls: no 5xx, JSON with RequestId, catalogue codes only`, async () => {
    await fc.assert(
      fc.asyncProperty(call, async ([action, entries, acs3]) => {
        const query: Record<string, string> = Object.create(null);
        for (const [name, value] of entries) query[name] = value;
        const request = acs3 ? acs3Request(key, action, query, { headers: MARKET.acs3 }) : v1Request(key, { ...query, Action: action, ...MARKET.v1 });
        const response = await handleEcsRequest(request);
        const text = await response.text();
        const body = JSON.parse(text) as Record<string, unknown>;
        expect(response.status, `${action} ${JSON.stringify(entries).slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(body.RequestId).toEqual(expect.any(String));
        if (response.status !== 200) expect(isCloudErrorCode(String(body.Code)), String(body.Code)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 60_000);
});
