// Issue 12 through the ECS API: RunInstances answers the launch limits with Alibaba's codes,
// HTTP 403 and a message that says how many more can be launched; DryRun checks them too.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { images } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { fund } from '../../tests/helpers/marketplace';
import { v1Signature } from '../domain/signatures';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();

function signedRequest(key: { accessKeyId: string; accessKeySecret: string }, params: Record<string, string>): Request {
  const all = { Format: 'JSON', Version: '2014-05-26', AccessKeyId: key.accessKeyId, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: crypto.randomUUID(), Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...params };
  return new Request(`http://127.0.0.1/api/ecs?${new URLSearchParams({ ...all, Signature: v1Signature(key.accessKeySecret, 'GET', all) })}`);
}

async function runInstances(key: { accessKeyId: string; accessKeySecret: string }, params: Record<string, string>) {
  const image = (await db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
  const response = await handleEcsRequest(signedRequest(key, { Action: 'RunInstances', RegionId: 'cn-hangzhou', ImageId: image.id, InstanceType: 'ecs.g7.large', ...params }));
  return { status: response.status, body: await response.json() };
}

describe('RunInstances and the launch limits (issue 12)', () => {
  it('a ¥0 account is refused with InvalidAccountStatus.NotEnoughBalance (vitest runs with the production ¥100.00)', async () => {
    const key = await createAccessKey(await newBuyer());
    const { status, body } = await runInstances(key, { Amount: '100', InstanceType: 'ecs.r7.2xlarge' });
    expect(status).toBe(403);
    expect(body).toMatchObject({ Code: 'InvalidAccountStatus.NotEnoughBalance', Message: 'Your wallet balance (¥0.00) is below ¥100.00, the minimum to create pay-as-you-go instances. Top up your wallet first.' });
  });

  it('over the instance or vCPU quota: QuotaExceed.ElasticQuota saying how many more; DryRun answers the same', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000);
    const key = await createAccessKey(buyer);
    expect((await runInstances(key, { Amount: '38' })).status).toBe(200);
    const over = await runInstances(key, { Amount: '13' });
    expect(over.status).toBe(403);
    expect(over.body).toMatchObject({ Code: 'QuotaExceed.ElasticQuota', Message: 'You may have at most 50 instances in this region: you have 38, and this launch adds 13. You can launch 12 more.' });
    expect((await runInstances(key, { Amount: '13', DryRun: 'true' })).body.Code).toBe('QuotaExceed.ElasticQuota');
    expect((await runInstances(key, { Amount: '12', DryRun: 'true' })).body.Code).toBe('DryRunOperation');
    const other = await newBuyer();
    await fund(other, 10_000);
    const vcpus = await runInstances(await createAccessKey(other), { Amount: '26', InstanceType: 'ecs.r7.2xlarge' });
    expect(vcpus.body).toMatchObject({ Code: 'QuotaExceed.ElasticQuota', Message: 'Your instances in this region may have at most 200 vCPUs: they have 0, and this launch adds 208. You can launch 25 more.' });
  });
});
