// Issue 12, the ECS API: no prototype actions or parameters (Action=valueOf answered 500,
// constructor answered 200), and paging validated with RegionId filtered in the query (API-4).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { images, tasks } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { acs3Request, v1Request } from '../../tests/helpers/ecs-requests';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();

async function call(request: Request): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await handleEcsRequest(request);
  return { status: response.status, body: await response.json() };
}

describe('an action named after an Object.prototype member is unknown (issue 12)', () => {
  it.each(['valueOf', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__'])('Action=%s is InvalidAction.NotFound, by v1 and ACS3', async (action) => {
    const key = await createAccessKey(await newBuyer());
    expect(await call(v1Request(key, { Action: action }))).toMatchObject({ status: 404, body: { Code: 'InvalidAction.NotFound', RequestId: expect.any(String) } });
    expect(await call(acs3Request(key, action))).toMatchObject({ status: 404, body: { Code: 'InvalidAction.NotFound' } });
  });
});

describe('parameters named __proto__ or constructor are only parameters (issue 12)', () => {
  it('in the query and in a form body', async () => {
    const key = await createAccessKey(await newBuyer());
    const odd = { ['__proto__']: 'x', constructor: 'y', toString: 'z' };
    expect(await call(v1Request(key, { Action: 'DescribeImages', RegionId: 'cn-hangzhou', PageSize: '1', ...odd }))).toMatchObject({ status: 200, body: { PageSize: 1 } });
    expect(await call(v1Request(key, { Action: 'DescribeImages', RegionId: 'cn-hangzhou', ...odd }, 'POST'))).toMatchObject({ status: 200 });
    // A parameter that is absent is absent, whatever Object.prototype holds under its name.
    expect(await call(v1Request(key, { Action: 'DescribeImages', ...odd }))).toMatchObject({ status: 400, body: { Code: 'MissingParameter' } });
    expect(await call(acs3Request(key, 'DescribeImages', { RegionId: 'cn-hangzhou', ...odd }, { signedHeaders: ['constructor', 'host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'] }))).toMatchObject({ status: 200 });
  });
});

describe('DescribeTasks pages like every list (issue 12: PageSize=2.5 answered 500, -1 and 1e9 every row, RegionId filtered after paging)', () => {
  it.each([['PageSize', '2.5'], ['PageSize', '-1'], ['PageSize', '1e9'], ['PageSize', '0'], ['PageSize', '101'], ['PageNumber', '0'], ['PageNumber', '1.5'], ['PageNumber', 'x'], ['PageNumber', '99999999999999999999']])('%s=%s is refused', async (param, value) => {
    const key = await createAccessKey(await newBuyer());
    const code = param === 'PageSize' ? 'InvalidPageSize.Malformed' : 'InvalidPageNumber.Malformed';
    expect(await call(v1Request(key, { Action: 'DescribeTasks', [param]: value }))).toMatchObject({ status: 400, body: { Code: code } });
    expect(await call(v1Request(key, { Action: 'DescribeInstances', [param]: value }))).toMatchObject({ status: 400, body: { Code: code } });
    expect(await call(v1Request(key, { Action: 'DescribeImages', RegionId: 'cn-hangzhou', [param]: value }))).toMatchObject({ status: 400, body: { Code: code } });
  });

  it('RegionId filters before paging: TotalCount is the region’s, and the page is full', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const imageIn = async (regionId: string) => (await db().select().from(images).where(eq(images.regionId, regionId)).limit(1)).at(0)!.id;
    const rows = await Promise.all(['cn-hangzhou', 'cn-hangzhou', 'cn-hangzhou', 'cn-shanghai', 'cn-shanghai'].map(async (regionId, n) => ({
      id: `t-test${buyer.accountId.slice(-6)}${n}`,
      accountId: buyer.accountId,
      regionId,
      action: 'CopyImage',
      status: 'Finished',
      imageId: await imageIn(regionId),
      createdAt: new Date(Date.now() - (regionId === 'cn-shanghai' ? 60_000 : 0) - n),
    })));
    await db().insert(tasks).values(rows);
    const page = await call(v1Request(key, { Action: 'DescribeTasks', RegionId: 'cn-shanghai', PageSize: '1' }));
    expect(page.body).toMatchObject({ TotalCount: 2, PageSize: 1, PageNumber: 1, RegionId: 'cn-shanghai' });
    expect((page.body.TaskSet as { Task: unknown[] }).Task).toHaveLength(1);
    expect(await call(v1Request(key, { Action: 'DescribeTasks' }))).toMatchObject({ body: { TotalCount: 5, PageSize: 10 } });
  });
});
