// Issue 18: one endpoint, two dialects. Version=2015-11-01 (v1) or x-acs-version: 2015-11-01
// (ACS3) picks the Cloud Marketplace's action table, behind the same signature, nonce and
// audit; every other version keeps the ECS table (API-1, API-2, API-3).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { acs3Request, MARKET, v1Request } from '../../tests/helpers/ecs-requests';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
beforeAll(async () => await seedTestMarketplace(db()));

async function call(request: Request): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await handleEcsRequest(request);
  return { status: response.status, body: await response.json() };
}

describe('the version picks the action table (issue 18)', () => {
  it('DescribeProducts answers under 2015-11-01, by v1 and ACS3, and is unknown to ECS', async () => {
    const key = await createAccessKey(await newBuyer());
    const v1 = await call(v1Request(key, { Action: 'DescribeProducts', SearchTerm: 'LNMP', ...MARKET.v1 }));
    expect(v1).toMatchObject({ status: 200, body: { RequestId: expect.any(String), TotalCount: expect.any(Number), ProductItems: { ProductItem: expect.arrayContaining([expect.objectContaining({ Code: 'lnmp000101' })]) } } });
    const acs3 = await call(acs3Request(key, 'DescribeProducts', { SearchTerm: 'LNMP' }, { headers: MARKET.acs3 }));
    expect(acs3.body.ProductItems).toEqual(v1.body.ProductItems);
    expect(await call(v1Request(key, { Action: 'DescribeProducts' }))).toMatchObject({ status: 404, body: { Code: 'InvalidAction.NotFound' } });
    expect(await call(acs3Request(key, 'DescribeProducts'))).toMatchObject({ status: 404, body: { Code: 'InvalidAction.NotFound' } });
  });

  it('an ECS action, or an unknown one, under 2015-11-01 is InvalidAction.NotFound; ECS keeps its table', async () => {
    const key = await createAccessKey(await newBuyer());
    for (const action of ['DescribeRegions', 'RunInstances', 'NoSuchAction', 'constructor']) {
      expect(await call(v1Request(key, { Action: action, ...MARKET.v1 }))).toMatchObject({ status: 404, body: { Code: 'InvalidAction.NotFound', HostId: expect.any(String), Message: expect.any(String) } });
      expect(await call(acs3Request(key, action, {}, { headers: MARKET.acs3 }))).toMatchObject({ status: 404, body: { Code: 'InvalidAction.NotFound' } });
    }
    expect(await call(v1Request(key, { Action: 'DescribeRegions' }))).toMatchObject({ status: 200 });
  });

  it('the same signature check, nonce and audit row', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    expect(await call(v1Request({ ...key, accessKeySecret: 'wrong' }, { Action: 'DescribeProducts', ...MARKET.v1 }))).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    const nonce = crypto.randomUUID();
    const first = await call(v1Request(key, { Action: 'DescribeProducts', SignatureNonce: nonce, ...MARKET.v1 }));
    expect(await call(v1Request(key, { Action: 'DescribeProducts', SignatureNonce: nonce, ...MARKET.v1 }))).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
    const rows = await db().select().from(auditLog).where(eq(auditLog.requestId, first.body.RequestId as string));
    expect(rows).toMatchObject([{ action: 'DescribeProducts', outcome: 'ok', accountId: buyer.accountId, detail: { accessKeyId: key.accessKeyId } }]);
  });
});
