// Issue 12, per-AccessKey rate limit (API-2, ADM-4): 1,000 requests at 71/s were never
// throttled. Now reads and changes each have a per-second budget per key, from the settings.
import { and, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, instances, platformSettings } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { acs3Request, v1Request } from '../../tests/helpers/ecs-requests';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
// Launches here are about the API, not the minimum balance (launch-limits.test.ts checks that).
beforeAll(async () => await withoutLaunchMinimum(db()));
const READS = 3;
const WRITES = 2;

beforeAll(async () => {
  const now = new Date();
  await db().insert(platformSettings).values([{ key: 'apiReadsPerSecond', value: READS, updatedAt: now }, { key: 'apiWritesPerSecond', value: WRITES, updatedAt: now }]);
});

async function call(request: Request) {
  const response = await handleEcsRequest(request);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
}

describe('Throttling.User per AccessKey and per action class (issue 12)', () => {
  it('the read after the budget is 429 with Retry-After; bad signatures, changes, another key and the next second do not count', async () => {
    const key = await createAccessKey(await newBuyer());
    const other = await createAccessKey(await newBuyer());
    // Requests that fail their signature spend nobody's budget.
    for (let n = 0; n <= READS; n++) expect((await call(v1Request({ ...key, accessKeySecret: 'wrong' }, { Action: 'DescribeRegions' }))).body.Code).toBe('SignatureDoesNotMatch');
    const reads = [];
    for (let n = 0; n <= READS; n++) reads.push(await call(v1Request(key, { Action: 'DescribeRegions' })));
    expect(reads.slice(0, READS).map((r) => r.status)).toEqual(Array(READS).fill(200));
    expect(reads[READS]).toMatchObject({ status: 429, body: { Code: 'Throttling.User', RequestId: expect.any(String), Message: expect.any(String) } });
    expect(Number(reads[READS].retryAfter)).toBeGreaterThanOrEqual(1);
    // Changes have their own budget; ACS3 counts like v1.
    expect((await call(acs3Request(key, 'StopInstance', { InstanceId: 'i-doesnotexist000000000' }))).body.Code).toBe('InvalidInstanceId.NotFound');
    expect((await call(v1Request(other, { Action: 'DescribeRegions' }))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await call(v1Request(key, { Action: 'DescribeRegions' }))).status).toBe(200);
  });

  it('a throttled change does nothing', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    const run = () => call(acs3Request(key, 'RunInstances', { RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large' }));
    const answers = [];
    for (let n = 0; n <= WRITES; n++) answers.push(await run());
    expect(answers.map((a) => a.status)).toEqual([...Array(WRITES).fill(200), 429]);
    expect(await db().select().from(instances).where(and(eq(instances.accountId, buyer.accountId), ne(instances.status, 'Released')))).toHaveLength(WRITES);
  });

});

describe('a throttled call can never run later (issue 13 moved the nonce claim into the call’s transaction; a throttled call still claims it)', () => {
  it('re-sent after the second is over, the throttled RunInstances answers SignatureNonceUsed and launches nothing', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    const launch = () => v1Request(key, { Action: 'RunInstances', RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large' });
    let throttled: Request | undefined;
    for (let i = 0; i < WRITES + 3 && !throttled; i++) {
      const request = launch();
      const copy = request.clone();
      if ((await call(request)).status === 429) throttled = copy;
    }
    expect(throttled).toBeDefined();
    const live = async () => (await db().select().from(instances).where(and(eq(instances.accountId, buyer.accountId), ne(instances.status, 'Released')))).length;
    const before = await live();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call(throttled!)).body).toMatchObject({ Code: 'SignatureNonceUsed' });
    expect(await live()).toBe(before);
  });
});

describe('a replayed call costs its key nothing (issue 13: the nonce is checked before the rate budget)', () => {
  it('replays answer SignatureNonceUsed and leave the second’s budget to the key’s own calls', async () => {
    const key = await createAccessKey(await newBuyer());
    const first = v1Request(key, { Action: 'DescribeRegions' });
    const copies = Array.from({ length: READS + 2 }, () => first.clone());
    expect((await call(first)).status).toBe(200);
    for (const copy of copies) expect((await call(copy)).body).toMatchObject({ Code: 'SignatureNonceUsed' });
    // Within the same second the key still has its other READS - 1 reads.
    for (let i = 1; i < READS; i++) expect((await call(v1Request(key, { Action: 'DescribeRegions' }))).status).toBe(200);
  });
});
