// Issue 16 "Lists like a cloud console": the instance, image, order, task and bucket lists are
// searched (name or id), sorted by their visible columns and scoped to one region, on the server;
// batch actions run each item's own use case and report each item.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, licenses } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { expectCloudError, fund, productImage, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { batchDeleteImages, batchInstances } from './batch';
import { createImage, describeImages, describeTasks } from './images';
import { completeBoot, describeInstances, runInstances, stopInstance } from './instances';
import { listOrders, purchaseLicenses } from './orders';
import { createBucket, describeBuckets } from './storage';

const { db } = throwawayDatabase();
let buyer: Actor;
let ids: Record<string, string>;

const systemImage = async (regionId: string) => (await db().select().from(images).where(eq(images.regionId, regionId))).find((i) => i.kind === 'system')!.id;

async function launch(actor: Actor, regionId: string, name: string, imageId?: string): Promise<string> {
  imageId ??= await systemImage(regionId);
  clock.advance(1000); // each a second apart, so creation order is the order of launch
  const [id] = (await runInstances(actor, { regionId, imageId, instanceTypeId: 'ecs.g7.large', amount: 1, name })).instanceIds;
  await completeBoot(actor, [id]);
  return id;
}

beforeAll(async () => {
  await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
  buyer = await newBuyer('Lists');
  await fund(buyer, 100_000);
  ids = {
    web: await launch(buyer, 'cn-hangzhou', 'web-frontend'),
    api: await launch(buyer, 'cn-hangzhou', 'api-server'),
    db: await launch(buyer, 'cn-hangzhou', 'database_100'),
    stage: await launch(buyer, 'cn-hangzhou', 'stage-100'),
    north: await launch(buyer, 'cn-beijing', 'web-north'),
    long: await launch(buyer, 'cn-hangzhou', 'x'.repeat(128)),
  };
  await stopInstance(buyer, ids.api);
});

const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name);

describe('the instance list (issue 16)', () => {
  it('searches names (anywhere in the name, any case) and ids (exactly) in the region asked for', async () => {
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', search: 'WEB' }))).toEqual(['web-frontend']);
    expect(names(await describeInstances(buyer, { regionId: 'cn-beijing', search: 'web' }))).toEqual(['web-north']);
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', search: ids.api }))).toEqual(['api-server']);
    // Part of an id is not an id: nothing is matched by a prefix of it.
    expect((await describeInstances(buyer, { regionId: 'cn-hangzhou', search: ids.api.slice(0, 6) })).total).toBe(0);
  });

  it('takes % and _ in a search literally', async () => {
    // As wildcards, "e_1" would match stage-100 too and "%" every instance.
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', search: 'e_1' }))).toEqual(['database_100']);
    expect((await describeInstances(buyer, { regionId: 'cn-hangzhou', search: '%' })).total).toBe(0);
    expect((await describeInstances(buyer, { regionId: 'cn-hangzhou', search: '-1' })).total).toBe(1);
  });

  it('sorts by name, status, type and creation, either way, and counts what it found', async () => {
    const sorted = ['api-server', 'database_100', 'stage-100', 'web-frontend', 'x'.repeat(128)];
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', sort: 'name' }))).toEqual(sorted);
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', sort: '-name' }))).toEqual([...sorted].reverse());
    expect((await describeInstances(buyer, { regionId: 'cn-hangzhou', sort: 'status' })).items.map((i) => i.status)).toEqual(['Running', 'Running', 'Running', 'Running', 'Stopped']);
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', sort: 'created' }))[0]).toBe('web-frontend');
    expect(names(await describeInstances(buyer, { regionId: 'cn-hangzhou', sort: '-created' }))[0]).toBe('x'.repeat(128));
    expect((await describeInstances(buyer, { regionId: 'cn-hangzhou', sort: 'type' })).total).toBe(5);
    await expectCloudError(async () => await describeInstances(buyer, { sort: 'price' as never }), 'InvalidParameter');
  });
});

describe('the image, task, order and bucket lists (issue 16)', () => {
  let tasksOf: string[];
  beforeAll(async () => {
    tasksOf = [(await createImage(buyer, { instanceId: ids.web, name: 'golden-web' })).taskId, (await createImage(buyer, { instanceId: ids.api, name: 'api-base' })).taskId];
  });

  it('images: the own images searched by name or id and sorted by name', async () => {
    const own = async (q: object) => (await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'self', ...q })).items.map((i) => i.name);
    expect(await own({ sort: 'name' })).toEqual(['api-base', 'golden-web']);
    expect(await own({ sort: '-name' })).toEqual(['golden-web', 'api-base']);
    expect(await own({ search: 'GOLD' })).toEqual(['golden-web']);
    const [first] = (await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'self', search: 'api' })).items;
    expect(await own({ search: first.id })).toEqual(['api-base']);
    // Another region's list is its own.
    expect((await describeImages(buyer, { regionId: 'cn-beijing', ownerAlias: 'self' })).total).toBe(0);
  });

  it('images: the marketplace list searched by name counts only what matches', async () => {
    const all = await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'marketplace', pageSize: 100 });
    const term = all.items[0].name.slice(0, 4);
    const found = await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'marketplace', search: term, pageSize: 100 });
    expect(found.total).toBe(all.items.filter((i) => i.name.toLowerCase().includes(term.toLowerCase())).length);
    expect(found.items.every((i) => i.name.toLowerCase().includes(term.toLowerCase()))).toBe(true);
  });

  it('tasks: searched by task id, image id or image name; sorted; scoped to a region', async () => {
    expect((await describeTasks(buyer, { regionId: 'cn-hangzhou', search: 'golden' })).items.map((t) => t.id)).toEqual([tasksOf[0]]);
    expect((await describeTasks(buyer, { regionId: 'cn-hangzhou', search: tasksOf[1] })).items.map((t) => t.imageName)).toEqual(['api-base']);
    expect((await describeTasks(buyer, { regionId: 'cn-hangzhou', sort: 'image' })).items.map((t) => t.imageName)).toEqual(['api-base', 'golden-web']);
    expect((await describeTasks(buyer, { regionId: 'cn-beijing' })).total).toBe(0);
  });

  it('orders: scoped to a region, searched by order id, product code or title, sorted by amount', async () => {
    const small = await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 });
    const large = await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 3 });
    expect((await listOrders(buyer, { regionId: 'cn-hangzhou', sort: 'amount' })).items.map((o) => o.id)).toEqual([small.orderId, large.orderId]);
    expect((await listOrders(buyer, { regionId: 'cn-hangzhou', sort: '-amount' })).items.map((o) => o.id)).toEqual([large.orderId, small.orderId]);
    expect((await listOrders(buyer, { regionId: 'cn-hangzhou', search: small.orderId })).items.map((o) => o.id)).toEqual([small.orderId]);
    expect((await listOrders(buyer, { regionId: 'cn-hangzhou', search: 'lnmp000101' })).total).toBe(2);
    expect((await listOrders(buyer, { regionId: 'cn-beijing' })).total).toBe(0);
  });

  it('buckets: searched by name, sorted by name or creation, a page at a time', async () => {
    for (const name of ['logs-archive', 'images-raw', 'images-final']) {
      clock.advance(1000);
      await createBucket(buyer, { regionId: 'cn-hangzhou', name });
    }
    const list = async (q: object) => (await describeBuckets(buyer, { regionId: 'cn-hangzhou', ...q })).items.map((b) => b.name);
    expect(await list({})).toEqual(['images-final', 'images-raw', 'logs-archive']);
    expect(await list({ sort: 'created' })).toEqual(['logs-archive', 'images-raw', 'images-final']);
    expect(await list({ sort: '-name' })).toEqual(['logs-archive', 'images-raw', 'images-final']);
    expect(await list({ search: 'images' })).toEqual(['images-final', 'images-raw']);
    expect(await describeBuckets(buyer, { regionId: 'cn-hangzhou', pageSize: 2, page: 2 })).toMatchObject({ total: 3, items: [{ name: 'logs-archive' }] });
    expect((await describeBuckets(buyer, { regionId: 'cn-beijing' })).total).toBe(0);
  });
});

describe('batch actions (issue 16)', () => {
  it('stops each instance by its own use case and reports each: the stopped one is refused, a stranger’s is not found', async () => {
    const other = await newBuyer('Stranger');
    const a = await launch(buyer, 'cn-hangzhou', 'batch-a');
    const b = await launch(buyer, 'cn-hangzhou', 'batch-b');
    const c = await launch(buyer, 'cn-hangzhou', 'batch-c');
    await stopInstance(buyer, c);
    const theirs = await launch(other, 'cn-hangzhou', 'theirs');
    const outcomes = await batchInstances(buyer, 'stop', [a, b, c, theirs, a]);
    expect(outcomes.map((o) => [o.id, o.ok, o.ok ? null : o.error.code])).toEqual([
      [a, true, null],
      [b, true, null],
      [c, false, 'IncorrectInstanceStatus'],
      [theirs, false, 'InvalidInstanceId.NotFound'],
    ]);
    expect((await describeInstances(buyer, { regionId: 'cn-hangzhou', search: 'batch-' })).items.map((i) => i.status)).toEqual(['Stopped', 'Stopped', 'Stopped']);
    expect((await describeInstances(other, { search: 'theirs' })).items[0].status).toBe('Running');
  });

  it('a batch release returns each held license to the pool (MKT-5)', async () => {
    await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 2 });
    const licensed = [await launch(buyer, 'cn-hangzhou', 'lic-1', await productImage('lnmp000101')), await launch(buyer, 'cn-hangzhou', 'lic-2', await productImage('lnmp000101'))];
    const held = await Promise.all(licensed.map(async (id) => (await db().select().from(licenses).where(eq(licenses.instanceId, id)).limit(1)).at(0)!.id));
    expect((await batchInstances(buyer, 'release', licensed)).every((o) => o.ok)).toBe(true);
    expect(await Promise.all(held.map(async (id) => (await db().select().from(licenses).where(eq(licenses.id, id)).limit(1)).at(0)!.status))).toEqual(['available', 'available']);
  });

  it('names at least one and at most a page of items', async () => {
    await expectCloudError(async () => await batchInstances(buyer, 'start', []), 'InvalidParameter');
    await expectCloudError(async () => await batchInstances(buyer, 'start', Array.from({ length: 101 }, (_, i) => `i-${i}`)), 'InvalidParameter');
  });

  it('deletes images one by one: a busy image (its task still running) is refused, the others go', async () => {
    await settle();
    const [golden] = (await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'self', search: 'golden-web' })).items;
    expect(golden.status).toBe('Available');
    const busy = await createImage(buyer, { instanceId: ids.north, name: 'north-img' });
    const outcomes = await batchDeleteImages(buyer, [golden.id, busy.imageId, 'm-missing']);
    expect(outcomes.map((o) => [o.ok, o.ok ? null : o.error.code])).toEqual([
      [true, null],
      [false, expect.any(String)],
      [false, expect.any(String)],
    ]);
    expect((await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'self', search: 'golden-web' })).total).toBe(0);
    expect((await describeImages(buyer, { regionId: 'cn-beijing', ownerAlias: 'self' })).total).toBe(1);
  });
});
