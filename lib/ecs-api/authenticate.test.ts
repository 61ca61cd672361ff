// Issue 12, the ECS API: what a signature must cover, how long a nonce is kept, and the exact
// v1 method, version and time format (API-2).
import { and, eq, ne } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, images, instances } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { acs3Request, sdkTime, v1Request, type Key } from '../../tests/helpers/ecs-requests';
import { clock } from '../clock';
import { createAccessKey, deleteAccessKey, setAccessKeyStatus } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
// Launches here are about the API, not the minimum balance (launch-limits.test.ts checks that).
beforeAll(async () => await withoutLaunchMinimum(db()));
afterEach(() => clock.reset());

async function call(request: Request): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await handleEcsRequest(request);
  return { status: response.status, body: await response.json() };
}

async function launched(key: Key): Promise<string> {
  const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
  return call(v1Request(key, { Action: 'RunInstances', RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large' })).then((r) => (r.body.InstanceIdSets as { InstanceIdSet: string[] }).InstanceIdSet[0]);
}

const liveInstances = async (accountId: string) => (await db().select().from(instances).where(and(eq(instances.accountId, accountId), ne(instances.status, 'Released')))).length;

describe('ACS3 signs what matters (issue 12: SignedHeaders=host let a StopInstance be re-sent as DeleteInstance)', () => {
  it('a request signed as the SDK signs it is accepted', async () => {
    const key = await createAccessKey(await newBuyer());
    expect(await call(acs3Request(key, 'DescribeRegions'))).toMatchObject({ status: 200 });
  });

  it('a signature over host alone, re-sent as DeleteInstance with a new nonce and date, is refused and the instance stays', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const instanceId = await launched(key);
    const forged = await call(acs3Request(key, 'DeleteInstance', { InstanceId: instanceId }, { signedHeaders: ['host'] }));
    expect(forged).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    expect(await liveInstances(buyer.accountId)).toBe(1);
  });

  it.each(['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'])('%s left out of SignedHeaders is refused', async (header) => {
    const key = await createAccessKey(await newBuyer());
    const signedHeaders = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'].filter((h) => h !== header);
    expect(await call(acs3Request(key, 'DescribeRegions', {}, { signedHeaders }))).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
  });

  it('an absent x-acs-content-sha256 is MissingParameter; one that is not the body hash is refused', async () => {
    const key = await createAccessKey(await newBuyer());
    const signedHeaders = ['host', 'x-acs-action', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
    const absent = acs3Request(key, 'DescribeRegions', {}, { signedHeaders });
    const request = new Request(absent.url, { method: 'POST', headers: [...absent.headers].filter(([name]) => name !== 'x-acs-content-sha256') });
    expect(await call(request)).toMatchObject({ status: 400, body: { Code: 'MissingParameter' } });
    const wrongHash = acs3Request(key, 'DescribeRegions', {}, { headers: { 'x-acs-content-sha256': 'a'.repeat(64) } });
    expect(await call(wrongHash)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
  });

  it('a form body must be signed with its content-type', async () => {
    const key = await createAccessKey(await newBuyer());
    const body = 'RegionId=cn-hangzhou';
    const unsigned = acs3Request(key, 'DescribeImages', {}, { body, signedHeaders: ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'] });
    expect(await call(unsigned)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    expect(await call(acs3Request(key, 'DescribeImages', {}, { body }))).toMatchObject({ status: 200 });
  });

  it('a v1 request cannot be turned into another action with an x-acs-action header', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const instanceId = await launched(key);
    // A captured, signed StopInstance: the header is outside the v1 signature, so it must not choose the action.
    const signed = v1Request(key, { Action: 'StopInstance', InstanceId: instanceId });
    await call(new Request(signed.url, { headers: { 'x-acs-action': 'DeleteInstance' } }));
    expect(await liveInstances(buyer.accountId)).toBe(1);
  });
});

describe('no replay after the nonce expires (issue 12: a RunInstances stamped 14.5 min ahead ran again at 15.5 min)', () => {
  it('the nonce is kept until the request’s own timestamp can no longer be accepted', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    clock.set(new Date('2026-06-01T00:00:00Z'));
    const ahead = sdkTime(new Date(clock.now().getTime() + 14.5 * 60_000));
    const request = v1Request(key, { Action: 'RunInstances', RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large', Timestamp: ahead });
    expect((await call(new Request(request.url))).status).toBe(200);
    clock.advance(15.5 * 60_000);
    expect(await call(new Request(request.url))).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
    expect(await liveInstances(buyer.accountId)).toBe(1);
    // Once the timestamp itself is too old, the request is refused for its time.
    clock.advance(15 * 60_000);
    expect(await call(new Request(request.url))).toMatchObject({ status: 400, body: { Code: 'InvalidTimeStamp.Expired' } });
  });
});

describe('v1: only HMAC-SHA1 1.0 and ISO 8601 UTC times (issue 12: NONE and 2.0 were accepted)', () => {
  it.each([
    ['SignatureMethod', 'NONE'],
    ['SignatureMethod', 'HMAC-SHA256'],
    ['SignatureVersion', '2.0'],
  ])('%s=%s is refused', async (param, value) => {
    const key = await createAccessKey(await newBuyer());
    expect(await call(v1Request(key, { Action: 'DescribeRegions', [param]: value }))).toMatchObject({ status: 400, body: { Code: 'InvalidParameter' } });
  });

  it.each(['SignatureMethod', 'SignatureVersion', 'Timestamp'])('a missing %s is MissingParameter', async (param) => {
    const key = await createAccessKey(await newBuyer());
    expect(await call(v1Request(key, { Action: 'DescribeRegions', [param]: '' }))).toMatchObject({ status: 400, body: { Code: 'MissingParameter' } });
  });

  const now = () => clock.now().toISOString();
  it.each([
    ['a space for the T', () => now().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')],
    ['an offset instead of Z', () => now().replace(/\.\d{3}Z$/, '+00:00')],
    ['no zone', () => now().replace(/\.\d{3}Z$/, '')],
    ['a date only', () => now().slice(0, 10)],
    ['milliseconds since 1970', () => String(Date.now())],
    ['an RFC 1123 date', () => new Date().toUTCString()],
    ['a day that does not exist', () => '2026-02-30T00:00:00Z'],
  ])('a Timestamp with %s is InvalidTimeStamp.Format', async (_, timestamp) => {
    const key = await createAccessKey(await newBuyer());
    expect(await call(v1Request(key, { Action: 'DescribeRegions', Timestamp: timestamp() }))).toMatchObject({ status: 400, body: { Code: 'InvalidTimeStamp.Format' } });
  });

  it('with or without milliseconds, as the SDKs send it, is accepted; so is x-acs-date', async () => {
    const key = await createAccessKey(await newBuyer());
    expect((await call(v1Request(key, { Action: 'DescribeRegions', Timestamp: new Date().toISOString() }))).status).toBe(200);
    expect((await call(v1Request(key, { Action: 'DescribeRegions' }))).status).toBe(200);
    expect(await call(acs3Request(key, 'DescribeRegions', {}, { headers: { 'x-acs-date': new Date().toUTCString() } }))).toMatchObject({ status: 400, body: { Code: 'InvalidTimeStamp.Format' } });
  });
});

describe('an AccessKey whose secret is remembered still answers to its row (issue 13)', () => {
  it('disabled or deleted, the next call is refused at once; enabled again, accepted', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    expect(await call(v1Request(key, { Action: 'DescribeRegions' }))).toMatchObject({ status: 200 });
    await setAccessKeyStatus(buyer, key.accessKeyId, 'disabled');
    expect(await call(v1Request(key, { Action: 'DescribeRegions' }))).toMatchObject({ body: { Code: 'InvalidAccessKeyId.NotFound' } });
    await setAccessKeyStatus(buyer, key.accessKeyId, 'active');
    expect(await call(v1Request(key, { Action: 'DescribeRegions' }))).toMatchObject({ status: 200 });
    await deleteAccessKey(buyer, key.accessKeyId);
    expect(await call(v1Request(key, { Action: 'DescribeRegions' }))).toMatchObject({ body: { Code: 'InvalidAccessKeyId.NotFound' } });
  });

  it('a replayed nonce is refused however many calls came between (the claim is one insert, expired ones swept apart)', async () => {
    const key = await createAccessKey(await newBuyer());
    const first = v1Request(key, { Action: 'DescribeRegions' });
    const again = first.clone();
    expect(await call(first)).toMatchObject({ status: 200 });
    for (let i = 0; i < 5; i++) await call(v1Request(key, { Action: 'DescribeRegions' }));
    expect(await call(again)).toMatchObject({ body: { Code: 'SignatureNonceUsed' } });
  });
});

describe('an API call is one transaction with its nonce (issue 13)', () => {
  it('a refused change keeps its nonce and writes one audit row: re-sent, it is SignatureNonceUsed', async () => {
    const key = await createAccessKey(await newBuyer());
    const refused = v1Request(key, { Action: 'RunInstances', RegionId: 'cn-hangzhou', InstanceType: 'ecs.g7.large' });
    const again = refused.clone();
    const first = await call(refused);
    expect(first.body).toMatchObject({ Code: 'MissingParameter' });
    expect(await db().select().from(auditLog).where(eq(auditLog.requestId, first.body.RequestId as string))).toMatchObject([{ action: 'RunInstances', outcome: 'error', errorCode: 'MissingParameter' }]);
    expect((await call(again)).body).toMatchObject({ Code: 'SignatureNonceUsed' });
  });

  it('a DryRun keeps its nonce, and creates nothing', async () => {
    const buyer = await newBuyer();
    const key = await createAccessKey(buyer);
    const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    const dry = v1Request(key, { Action: 'RunInstances', RegionId: image.regionId, ImageId: image.id, InstanceType: 'ecs.g7.large', DryRun: 'true' });
    const again = dry.clone();
    expect((await call(dry)).body).toMatchObject({ Code: 'DryRunOperation' });
    expect(await liveInstances(buyer.accountId)).toBe(0);
    expect((await call(again)).body).toMatchObject({ Code: 'SignatureNonceUsed' });
  });
});
