import { count, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, images, instances, jobs } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { clock } from '../clock';
import { CloudError } from '../domain/errors';
import { newResourceId } from '../domain/ids';
import { runDueJobs } from '../jobs/worker';
import { listLaunchableImages } from './catalogue';
import { describeInstances, getInstance, releaseInstance, runInstances, startInstance, stopInstance } from './instances';
import type { Actor } from '../domain/actor';
import { onPostgres } from '../../db/engine';

const { db } = throwawayDatabase();
beforeAll(async () => await withoutLaunchMinimum(db()));

afterEach(() => clock.reset());

async function systemImage(regionId = 'cn-hangzhou') {
  return (await db().select().from(images).where(eq(images.regionId, regionId))).find((i) => i.kind === 'system')!;
}

async function launch(actor: Actor, overrides: Record<string, unknown> = {}) {
  return await runInstances(actor, { regionId: 'cn-hangzhou', imageId: (await systemImage()).id, instanceTypeId: 'ecs.g7.large', amount: 1, ...overrides });
}

async function expectCloudError(work: () => unknown, code: string): Promise<CloudError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).code).toBe(code);
    return error as CloudError;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

const instanceCount = async (accountId: string) => (await db().select({ n: count() }).from(instances).where(eq(instances.accountId, accountId)).limit(1)).at(0)!.n;
const jobCount = async () => (await db().select({ n: count() }).from(jobs).limit(1)).at(0)!.n;

async function bootAll() {
  clock.advance(10_000);
  await runDueJobs();
}

describe('runInstances', () => {
  it('launches a batch as Pending, and the boot job makes them Running', async () => {
    const buyer = await newBuyer();
    const { instanceIds } = await launch(buyer, { amount: 2, name: 'web' });
    expect(instanceIds).toHaveLength(2);
    const page = await describeInstances(buyer);
    expect(page.items.map((i) => [i.name, i.status]).sort()).toEqual([
      ['web-001', 'Pending'],
      ['web-002', 'Pending'],
    ]);
    await bootAll();
    expect((await describeInstances(buyer)).items.map((i) => i.status)).toEqual(['Running', 'Running']);
  });

  it('without a name, each instance is named by its id', async () => {
    const buyer = await newBuyer();
    const { instanceIds } = await launch(buyer);
    expect((await getInstance(buyer, instanceIds[0])).name).toBe(instanceIds[0]);
  });

  describe('bad input creates nothing and answers with the catalogue code', () => {
    it.each([
      ['an invalid instance type', { instanceTypeId: 'ecs.nope.large' }, 'InvalidInstanceType.ValueNotSupported', 400],
      ['amount 0', { amount: 0 }, 'InvalidParameter.Amount', 400],
      ['amount 101', { amount: 101 }, 'InvalidParameter.Amount', 400],
      ['an unknown region', { regionId: 'mars-1' }, 'RegionId.NotFound', 400],
      ['an unknown image', { imageId: newResourceId('m') }, 'InvalidImageId.NotFound', 404],
      ['no image', { imageId: undefined }, 'MissingParameter', 400],
      ['a malformed name', { name: 'http://x' }, 'InvalidInstanceName.Malformed', 400],
    ])('%s', async (_, overrides, code, status) => {
      const buyer = await newBuyer();
      const jobsBefore = await jobCount();
      const error = await expectCloudError(async () => await launch(buyer, overrides), code);
      expect(error.httpStatus).toBe(status); // the catalogue's status for the code, not just "an error"
      expect(await instanceCount(buyer.accountId)).toBe(0);
      expect(await jobCount()).toBe(jobsBefore);
    });

    it("another account's custom image is answered as not found", async () => {
      const owner = await newBuyer('Owner');
      const other = await newBuyer('Other');
      const imageId = newResourceId('m');
      await db().insert(images).values({ ...await systemImage(), id: imageId, kind: 'custom', ownerAccountId: owner.accountId, source: 'instance', name: 'owner-golden' });

      await expectCloudError(async () => await launch(other, { imageId }), 'InvalidImageId.NotFound');
      expect(await instanceCount(other.accountId)).toBe(0);
      expect((await listLaunchableImages(other, 'cn-hangzhou')).some((i) => i.id === imageId)).toBe(false);

      // The owner can launch it.
      expect((await launch(owner, { imageId })).instanceIds).toHaveLength(1);
      expect((await listLaunchableImages(owner, 'cn-hangzhou')).some((i) => i.id === imageId)).toBe(true);
    });

    it('an image of another region is not found in this one', async () => {
      const buyer = await newBuyer();
      await expectCloudError(async () => await launch(buyer, { imageId: (await systemImage('cn-beijing')).id }), 'InvalidImageId.NotFound');
      expect(await instanceCount(buyer.accountId)).toBe(0);
    });
  });

  it('audits the launch, and the refused attempt too (ADM-3)', async () => {
    const buyer = await newBuyer();
    const { instanceIds } = await launch(buyer);
    await expectCloudError(async () => await launch(buyer, { amount: 0 }), 'InvalidParameter.Amount');
    const rows = await db().select().from(auditLog).where(eq(auditLog.accountId, buyer.accountId));
    expect(rows.map((r) => [r.action, r.outcome, r.errorCode])).toEqual([
      ['RunInstances', 'ok', null],
      ['RunInstances', 'error', 'InvalidParameter.Amount'],
    ]);
    expect(rows[0].target).toBe(instanceIds[0]);
    expect(rows[0].requestId).toBe(buyer.requestId);
  });
});

describe('start, stop, release', () => {
  it('follows the lifecycle and audits each step', async () => {
    const buyer = await newBuyer();
    const [id] = (await launch(buyer)).instanceIds;
    await expectCloudError(async () => await stopInstance(buyer, id), 'IncorrectInstanceStatus'); // still Pending
    await bootAll();
    expect((await stopInstance(buyer, id)).status).toBe('Stopped');
    await expectCloudError(async () => await stopInstance(buyer, id), 'IncorrectInstanceStatus');
    expect((await startInstance(buyer, id)).status).toBe('Running');
    const released = await releaseInstance(buyer, id);
    expect(released.status).toBe('Released');
    expect(released.releasedAt).toBeInstanceOf(Date);
    await expectCloudError(async () => await startInstance(buyer, id), 'IncorrectInstanceStatus');

    const actions = (await db().select().from(auditLog).where(eq(auditLog.target, id))).map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual(['RunInstances:ok', 'StopInstance:error', 'BootInstances:ok', 'StopInstance:ok', 'StopInstance:error', 'StartInstance:ok', 'DeleteInstance:ok', 'StartInstance:error']);
  });

  it("another account cannot read or change an instance: it does not exist for them", async () => {
    const owner = await newBuyer('Owner');
    const stranger = await newBuyer('Stranger');
    const [id] = (await launch(owner)).instanceIds;
    await bootAll();
    await expectCloudError(async () => await getInstance(stranger, id), 'InvalidInstanceId.NotFound');
    await expectCloudError(async () => await stopInstance(stranger, id), 'InvalidInstanceId.NotFound');
    await expectCloudError(async () => await releaseInstance(stranger, id), 'InvalidInstanceId.NotFound');
    expect((await describeInstances(stranger)).total).toBe(0);
    expect((await getInstance(owner, id)).status).toBe('Running');
  });

  it('a released instance is not booted by a late job', async () => {
    const buyer = await newBuyer();
    const [id] = (await launch(buyer)).instanceIds;
    await releaseInstance(buyer, id);
    await bootAll();
    expect((await getInstance(buyer, id)).status).toBe('Released');
  });
});

describe('describeInstances', () => {
  it('pages, filters by status and region, sorts by creation time, and hides released ones by default', async () => {
    const buyer = await newBuyer();
    for (let i = 0; i < 5; i++) {
      await launch(buyer, { amount: 5, name: `batch${i}` });
      clock.advance(1000);
    }
    await launch(buyer, { regionId: 'cn-beijing', imageId: (await systemImage('cn-beijing')).id, name: 'north' });
    await bootAll();

    const first = await describeInstances(buyer, { pageSize: 10 });
    expect(first.total).toBe(26);
    expect(first.items).toHaveLength(10);
    expect(first.items[0].name).toBe('north');
    const last = await describeInstances(buyer, { pageSize: 10, page: 3 });
    expect(last.items).toHaveLength(6);

    const oldest = (await describeInstances(buyer, { sort: 'oldest', pageSize: 1 })).items[0];
    expect(oldest.name).toMatch(/^batch0-/);

    expect((await describeInstances(buyer, { regionId: 'cn-beijing' })).items.map((i) => i.name)).toEqual(['north']);

    const north = (await describeInstances(buyer, { regionId: 'cn-beijing' })).items[0];
    await stopInstance(buyer, north.id);
    expect((await describeInstances(buyer, { status: 'Stopped' })).total).toBe(1);
    await releaseInstance(buyer, north.id);
    expect((await describeInstances(buyer)).total).toBe(25);
    expect((await describeInstances(buyer, { status: 'Released' })).items.map((i) => i.id)).toEqual([north.id]);
  });

  it('rejects a page size over 100', async () => {
    await expectCloudError(async () => await describeInstances(await newBuyer(), { pageSize: 101 }), 'InvalidPageSize.Malformed');
  });
});

// SQLite's one write lock; on PostgreSQL a change waits only for the rows it locks (count-locks.test.ts).
describe.skipIf(onPostgres)('a locked database', () => {
  it('answers ServiceUnavailable (503) and changes nothing, instead of an internal error', async () => {
    const { openDatabase } = await import('../../db/client');
    const buyer = await newBuyer();
    const other = openDatabase(db().$client.name);
    db().$client.pragma('busy_timeout = 50');
    other.$client.exec('BEGIN IMMEDIATE');
    try {
      const error = await expectCloudError(async () => await launch(buyer), 'ServiceUnavailable');
      expect(error.httpStatus).toBe(503);
    } finally {
      other.$client.exec('ROLLBACK');
      other.$client.close();
      db().$client.pragma('busy_timeout = 15000');
    }
    expect(await instanceCount(buyer.accountId)).toBe(0);
    expect((await launch(buyer)).instanceIds).toHaveLength(1);
  });
});
