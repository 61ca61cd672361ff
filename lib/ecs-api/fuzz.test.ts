// Issue 12, the ECS API fuzzed (API-1 … API-5): every action, through the real handler with
// correct signatures, with random, missing, duplicated, huge and unicode parameters. Whatever
// comes in, the answer is JSON with a RequestId, never a 5xx, and every error code is in the
// catalogue — so nothing unforeseen reaches a caller as InternalError or a stack trace.
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, platformSettings } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { acs3Request, sdkTime, type Key } from '../../tests/helpers/ecs-requests';
import { isCloudErrorCode } from '../domain/errors';
import { v1Signature } from '../domain/signatures';
import { createAccessKey } from '../services/access-keys';
import { createImage } from '../services/images';
import { completeBoot, runInstances } from '../services/instances';
import { actions } from './actions';
import { errorAnswer, handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
// Launches here are about the API, not the minimum balance (launch-limits.test.ts checks that).
beforeAll(async () => await withoutLaunchMinimum(db()));
/** FUZZ_RUNS=5000 for a longer hunt; npm test runs 300. */
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** The parameters each action reads (a new action without its row fails below). */
const shapes = new Map<string, string[]>([
  ['DescribeRegions', []],
  ['DescribeInstanceTypes', []],
  ['DescribeImages', ['RegionId', 'ImageOwnerAlias', 'ImageId', 'ImageName', 'ProductCode', 'Status', 'OSType', 'Architecture', 'ImageFamily', 'PageNumber', 'PageSize']],
  ['DescribeImageFromFamily', ['RegionId', 'ImageFamily']],
  ['ModifyImageAttribute', ['ImageId', 'ImageFamily', 'Status', 'SuccessorImageId', 'ImageName', 'Description']],
  ['CreateImage', ['InstanceId', 'ImageName', 'Description', 'ImageFamily']],
  ['CopyImage', ['ImageId', 'DestinationRegionId', 'DestinationImageName', 'DestinationDescription']],
  ['ImportImage', ['RegionId', 'ImageName', 'Description', 'Architecture', 'OSType', 'Platform', 'DiskDeviceMapping.1.Format', 'DiskDeviceMapping.1.OSSBucket', 'DiskDeviceMapping.1.OSSObject', 'DiskDeviceMapping.1.DiskImageSize', 'ClientToken']],
  ['DescribeTasks', ['RegionId', 'PageNumber', 'PageSize']],
  ['CancelTask', ['TaskId']],
  ['DeleteImage', ['ImageId']],
  ['ModifyImageSharePermission', ['ImageId', 'AddAccount.1', 'AddAccount.2', 'RemoveAccount.1', 'ClientToken']],
  ['DescribeImageSharePermission', ['ImageId']],
  ['RunInstances', ['RegionId', 'ImageId', 'ImageFamily', 'InstanceType', 'Amount', 'InstanceName', 'ClientToken', 'DryRun']],
  ['DescribeInstances', ['InstanceIds', 'RegionId', 'Status', 'PageNumber', 'PageSize']],
  ['StartInstance', ['InstanceId']],
  ['StopInstance', ['InstanceId']],
  ['DeleteInstance', ['InstanceId']],
  ['ModifyInstanceAttribute', ['InstanceId', 'InstanceName']],
  ['ReplaceSystemDisk', ['InstanceId', 'ImageId']],
  ['ReInitDisk', ['DiskId']],
]);
/** Names that are traps for a plain object, and list forms an action does not expect. */
const strangers = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'DiskDeviceMapping.2.Format', 'AddAccount.0', 'Action', 'Signature'];

let key: Key;
/** Values that exist, so calls get past "not found" into the use cases. */
const realistic = new Map<string, string[]>();

beforeAll(async () => {
  // The fuzz is about answers, not the rate limit (throttle.test.ts checks that).
  const now = new Date();
  await db().insert(platformSettings).values([{ key: 'apiReadsPerSecond', value: 100_000, updatedAt: now }, { key: 'apiWritesPerSecond', value: 100_000, updatedAt: now }]);
  const buyer = await newBuyer();
  const other = await newBuyer();
  key = await createAccessKey(buyer);
  const image = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
  const [instanceId] = (await runInstances(buyer, { regionId: image.regionId, imageId: image.id, instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds;
  await completeBoot(buyer, [instanceId]);
  const custom = await createImage(buyer, { instanceId, name: 'fuzz-base' });
  const values: Record<string, string[]> = {
    RegionId: [image.regionId, 'cn-shanghai'],
    DestinationRegionId: ['cn-shanghai', image.regionId],
    ImageId: [image.id, custom.imageId],
    InstanceId: [instanceId],
    InstanceIds: [`["${instanceId}"]`, '[]'],
    InstanceType: ['ecs.g7.large', 'ecs.r7.2xlarge'],
    Amount: ['1', '2'],
    ImageOwnerAlias: ['system', 'self', 'others', 'marketplace'],
    Status: ['Running', 'Stopped', 'Available', 'Deprecated'],
    ImageFamily: ['fuzz-family', 'acs:nope'],
    SuccessorImageId: [image.id, custom.imageId],
    OSType: ['linux', 'windows'],
    Architecture: ['x86_64', 'arm64'],
    Platform: ['Ubuntu', 'CentOS', 'Windows Server 2022'],
    'DiskDeviceMapping.1.Format': ['qcow2', 'raw', 'vhd'],
    'DiskDeviceMapping.1.DiskImageSize': ['40', '500'],
    TaskId: [custom.taskId ?? 't-none'],
    'AddAccount.1': [other.accountId],
    'RemoveAccount.1': [other.accountId],
    DiskId: [`d-${instanceId.slice(2)}`],
    DryRun: ['true', 'false'],
    PageNumber: ['1', '2'],
    PageSize: ['1', '10', '100'],
    ImageName: ['fuzz-image', 'fuzz-copy'],
  };
  for (const [name, list] of Object.entries(values)) realistic.set(name, list);
});

const anyValue = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string() },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
    { weight: 2, arbitrary: fc.constantFrom('', ' ', '-1', '2.5', '1e9', 'NaN', 'null', '{}', '[1]', '["a",', '\u0000', '💥'.repeat(1000), '%ZZ', '../../etc/passwd', "' OR 1=1 --") },
    { weight: 1, arbitrary: fc.constantFrom('x', '中', '\u{10FFFF}').map((c) => c.repeat(100_000 / c.length)) },
  );
const valueFor = (name: string) => (realistic.has(name) ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realistic.get(name)!) }, { weight: 2, arbitrary: anyValue() }) : anyValue());

/** Some of the action's parameters (missing ones), random values, strangers, and a name sent twice (the last counts, on both sides). */
const call = () =>
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...actions.keys()) }, { weight: 1, arbitrary: fc.constantFrom('Nope', 'valueOf', 'describeregions', '') }).chain((action) => {
    const own = shapes.get(action) ?? [];
    const pair = (name: string) => fc.tuple(fc.constant(name), valueFor(name));
    const entries = fc.tuple(
      own.length ? fc.subarray(own, { minLength: Math.ceil(own.length / 2) }).chain((names) => fc.tuple(...names.map(pair))) : fc.constant([] as [string, string][]),
      fc.array(fc.constantFrom(...own, ...strangers).chain(pair), { maxLength: 3 }),
    ).map(([a, b]) => [...a, ...b] as [string, string][]);
    return fc.tuple(fc.constant(action), entries);
  });
const transport = fc.constantFrom('v1-get', 'v1-post', 'acs3-query', 'acs3-form');

function request(kind: string, action: string, entries: [string, string][]): Request {
  const own = (pairs: [string, string][]): Record<string, string> => {
    const record: Record<string, string> = Object.create(null);
    for (const [name, v] of pairs) record[name] = v;
    return record;
  };
  if (kind.startsWith('acs3')) {
    if (kind === 'acs3-query') return acs3Request(key, action, own(entries));
    return acs3Request(key, action, {}, { body: new URLSearchParams(entries).toString() });
  }
  const common: [string, string][] = [['Format', 'JSON'], ['Version', '2014-05-26'], ['AccessKeyId', key.accessKeyId], ['SignatureMethod', 'HMAC-SHA1'], ['SignatureVersion', '1.0'], ['SignatureNonce', crypto.randomUUID()], ['Timestamp', sdkTime()], ['Action', action]];
  const all = [...entries, ...common];
  const method = kind === 'v1-get' ? 'GET' : 'POST';
  const query = new URLSearchParams([...all, ['Signature', v1Signature(key.accessKeySecret, method, own(all))]]);
  if (method === 'GET') return new Request(`http://127.0.0.1/api/ecs?${query}`);
  return new Request('http://127.0.0.1/api/ecs', { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query.toString() });
}

describe('fuzzing every action through the real handler (issue 12)', () => {
  it('knows the parameters of every action in the table', () => {
    expect([...actions.keys()].filter((action) => !shapes.has(action))).toEqual([]);
  });

  it(`${NUM_RUNS} signed calls: no 5xx, JSON with RequestId, catalogue codes only`, async () => {
    const seen = new Map<string, number>();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(call(), transport, async ([action, entries], kind) => {
        cases++;
        const response = await handleEcsRequest(request(kind, action, entries));
        const text = await response.text();
        const body = JSON.parse(text) as Record<string, unknown>;
        const code = response.status === 200 ? 'ok' : String(body.Code);
        seen.set(code, (seen.get(code) ?? 0) + 1);
        expect(response.status, `${kind} ${action} ${JSON.stringify(entries).slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(body.RequestId).toEqual(expect.any(String));
        if (response.status !== 200) expect(isCloudErrorCode(code) && code !== 'SignatureDoesNotMatch', code).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(cases).toBe(NUM_RUNS);
    // Calls must reach the actions, not stop at the door: with random parameters about one in
    // eight succeeds (30–45 of 300 runs); fewer than one in twenty would mean most stop early.
    expect(seen.get('ok') ?? 0).toBeGreaterThan(NUM_RUNS / 20);
    console.info(`[fuzz] ${cases} cases:`, Object.fromEntries([...seen].sort((a, b) => b[1] - a[1])));
  }, 60_000);

  it('an unforeseen error answers InternalError without its message or stack', async () => {
    const response = errorAnswer('req-1', 'host', new Error('secret detail\n    at handler (/srv/app.js:1:1)'));
    const text = response.body;
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ RequestId: 'req-1', Code: 'InternalError' });
    expect(text).not.toMatch(/secret detail|app\.js|\bat handler/);
  });
});
