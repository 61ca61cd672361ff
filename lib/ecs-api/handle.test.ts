import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, images, instances } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { v1Signature } from '../domain/signatures';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
beforeAll(async () => await withoutLaunchMinimum(db()));

function signedRequest(key: { accessKeyId: string; accessKeySecret: string }, params: Record<string, string>): Request {
  const all = { Format: 'JSON', Version: '2014-05-26', AccessKeyId: key.accessKeyId, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: crypto.randomUUID(), Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...params };
  return new Request(`http://127.0.0.1/api/ecs?${new URLSearchParams({ ...all, Signature: v1Signature(key.accessKeySecret, 'GET', all) })}`);
}

describe('every API call is audited with its RequestId and AccessKeyId (issue 8)', () => {
  it('a read, a change and a refusal', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const read = await handleEcsRequest(signedRequest(key, { Action: 'DescribeRegions' }));
    const readBody = await read.json();
    const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    const run = await handleEcsRequest(signedRequest(key, { Action: 'RunInstances', RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large' }));
    const runBody = await run.json();
    const refused = await handleEcsRequest(signedRequest({ ...key, accessKeySecret: 'wrong' }, { Action: 'DescribeRegions' }));
    const refusedBody = await refused.json();

    expect([read.status, run.status, refused.status]).toEqual([200, 200, 400]);
    expect(refusedBody).toMatchObject({ Code: 'SignatureDoesNotMatch', RequestId: expect.any(String), HostId: expect.any(String), Message: expect.any(String) });
    const rows = async (id: string) => await db().select().from(auditLog).where(eq(auditLog.requestId, id));
    expect(await rows(readBody.RequestId)).toMatchObject([{ action: 'DescribeRegions', outcome: 'ok', accountId: buyer.accountId, detail: { accessKeyId: key.accessKeyId } }]);
    expect(await rows(runBody.RequestId)).toMatchObject([{ action: 'RunInstances', outcome: 'ok', target: runBody.InstanceIdSets.InstanceIdSet[0], detail: { accessKeyId: key.accessKeyId } }]);
    expect(await rows(refusedBody.RequestId)).toMatchObject([{ action: 'DescribeRegions', outcome: 'error', errorCode: 'SignatureDoesNotMatch', accountId: null, detail: { accessKeyId: key.accessKeyId } }]);
  });
});

describe('DescribeInstances shows why an instance is locked (MKT-12, ADM-2)', () => {
  it('an instance stopped for arrears carries LockReason financial, and its OSType', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    const run = await (await handleEcsRequest(signedRequest(key, { Action: 'RunInstances', RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large' }))).json();
    const instanceId = run.InstanceIdSets.InstanceIdSet[0];
    await db().update(instances).set({ status: 'Stopped', statusReason: 'arrears' }).where(eq(instances.id, instanceId));
    const body = await (await handleEcsRequest(signedRequest(key, { Action: 'DescribeInstances', RegionId: image.regionId }))).json();
    expect(body.Instances.Instance[0]).toMatchObject({ InstanceId: instanceId, Status: 'Stopped', OSType: image.osType, OperationLocks: { LockReason: [{ LockReason: 'financial' }] } });
  });
});

describe('a refused change is audited once, with its caller (ADM-3, issue 14)', () => {
  const rows = async (id: string) => await db().select().from(auditLog).where(eq(auditLog.requestId, id));

  it('a change refused before its use case ran (a missing parameter) is audited with the account, not as anonymous', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const body = await (await handleEcsRequest(signedRequest(key, { Action: 'StartInstance' }))).json();
    expect(body.Code).toBe('MissingParameter');
    expect(await rows(body.RequestId)).toMatchObject([{ action: 'StartInstance', outcome: 'error', errorCode: 'MissingParameter', accountId: buyer.accountId, detail: { accessKeyId: key.accessKeyId } }]);
  });

  it('a refused ImportImage writes one audit row, its use case’s', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const body = await (await handleEcsRequest(signedRequest(key, { Action: 'ImportImage', RegionId: 'cn-hangzhou' }))).json();
    expect(body.Code).toEqual(expect.any(String));
    expect(await rows(body.RequestId)).toMatchObject([{ action: 'ImportImage', outcome: 'error', errorCode: body.Code, accountId: buyer.accountId }]);
  });
});
