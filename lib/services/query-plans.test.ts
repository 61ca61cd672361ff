// Issue 13 "fast at scale": the queries of the hot request paths (DescribeImages and the open
// tasks it joins, DescribeInstances, the launch quota and license counts) use an index. The SQL
// is recorded as the services build it, then SQLite's EXPLAIN QUERY PLAN must not SCAN a table
// that grows with use; the small reference tables (regions, instance types, platform settings)
// may be scanned. The background work's due-work queries, run every minute or every poll, too.
import { beforeAll, describe, expect, it } from 'vitest';
import { readerDb } from '../../db/client';
import { images, imageShares, instances, instanceUsage, tasks } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { platformActor, type Actor } from '../domain/actor';
import { describeImages, describeTasks } from './images';
import { listOrders } from './orders';
import { describeBuckets } from './storage';
import { completeBoot, describeInstances } from './instances';
import { marketplaceLaunchPage } from './launch-wizard';
import { usageQuery } from './launch-limits';
import { availableLicenseCount, consumeLicenses } from './licenses';
import { claimDueJobs } from './jobs';
import { settleHours } from './metering';
import { endUnusedLicenses, expireSubscriptions, releaseExpired } from './subscriptions';
import { infrastructure } from './transaction';

const { db } = throwawayDatabase();
// json_each is the list of a page's keys, not a table.
const referenceTables = new Set(['regions', 'instance_types', 'platform_settings', 'json_each']);
let owner: Actor;
let recipient: Actor;
let region: string;

/** Enough rows that the tables are not trivially empty: custom images, their tasks, shares, instances. */
beforeAll(async () => {
  await seedTestMarketplace(db());
  owner = await newBuyer('Owner');
  recipient = await newBuyer('Recipient');
  const systemImage = (await db().select().from(images).limit(1)).at(0)!;
  region = systemImage.regionId;
  const now = Date.now();
  await infrastructure(async (tx) => {
    for (let i = 0; i < 500; i++) {
      const id = `m-plan-${i}`;
      await tx.insert(images).values({ ...systemImage, id, kind: 'custom', ownerAccountId: owner.accountId, name: `image-${i}`, createdAt: new Date(now + i) });
      await tx.insert(tasks).values({ id: `t-plan-${i}`, accountId: owner.accountId, regionId: systemImage.regionId, action: 'CreateImage', status: i % 10 ? 'Finished' : 'Processing', imageId: id, createdAt: new Date(now + i) });
      if (i % 5 === 0) await tx.insert(imageShares).values({ imageId: id, ownerAccountId: owner.accountId, recipientAccountId: recipient.accountId, sharedAt: new Date(now) });
      await tx.insert(instances).values({ id: `i-plan-${i}`, accountId: owner.accountId, regionId: systemImage.regionId, instanceTypeId: 'ecs.g7.large', imageId: id, name: `vm-${i}`, status: i % 3 ? 'Running' : 'Released', meteredUntil: new Date(now), createdAt: new Date(now + i) });
    }
  });
  // No ANALYZE: the app never runs it, so these are the plans production gets.
});

/** The SELECTs (and UPDATEs, which may select what they change) a piece of work prepares, in order, on either connection. */
async function recordSelects(work: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const restore = [db().$client, readerDb().$client].map((client) => {
    const prepare = client.prepare;
    client.prepare = ((source: string) => {
      if (/^\s*(select|update)/i.test(source)) seen.push(source);
      return prepare.call(client, source);
    }) as typeof client.prepare;
    return () => (client.prepare = prepare);
  });
  try {
    await work();
  } finally {
    for (const undo of restore) undo();
  }
  return seen;
}

function planOf(source: string): string[] {
  const params = new Array((source.match(/\?/g) ?? []).length).fill(null);
  return (db().$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

/** The plan lines of a statement that scan a table other than a reference table ("SCAN images", not "SCAN regions"). */
function scansOf(source: string): string[] {
  // "SCAN t USING INDEX i" walks the whole index: as much a full scan as "SCAN t".
  return planOf(source).filter((detail) => {
    // A table-valued function over the statement's own parameter (json_each of a batch of ids) is not a table.
    if (detail.includes('VIRTUAL TABLE')) return false;
    const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
    return scanned !== undefined && !referenceTables.has(scanned);
  });
}

/**
 * The "USE TEMP B-TREE FOR ORDER BY" lines of a statement's plan that sort more than a few rows:
 * a sort of every image a region has instead of a merge of indexes in order. The images shared
 * with the caller (at most its image quota) and those of one name or product code are sorted.
 */
function sortsOf(source: string): string[] {
  const params = new Array((source.match(/\?/g) ?? []).length).fill(null);
  const plan = db().$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { id: number; parent: number; detail: string }[];
  const fewRows = (parent: number) => plan.some((row) => row.parent === parent && /^SEARCH (image_shares|images USING INDEX (images_region_name_idx|images_product_idx))/.test(row.detail));
  return plan.filter((row) => row.detail.startsWith('USE TEMP B-TREE FOR ORDER BY') && !fewRows(row.parent)).map((row) => row.detail);
}

async function expectIndexed(work: () => unknown): Promise<void> {
  const selects = await recordSelects(work);
  expect(selects.length).toBeGreaterThan(0);
  expect(selects.map((source) => ({ source, scans: scansOf(source), sorts: sortsOf(source) })).filter((s) => s.scans.length || s.sorts.length)).toEqual([]);
}

describe('the hot request-path queries use an index (issue 13)', () => {
  // First: DescribeImages prepares each shape of query once per database, so the first test of a shape sees its SQL.
  it('DescribeImages of every visible image, with no filter or any one, is a merge of indexes in order, not a sort of the region', async () => {
    for (const filter of [{}, { osType: 'linux' }, { status: 'Available' }, { architecture: 'x86_64' }, { imageName: 'image-7' }, { imageId: 'm-plan-7' }, { productCode: 'lnmp000101' }, { imageFamily: 'web' }]) {
      await expectIndexed(async () => await describeImages(recipient, { regionId: region, pageSize: 50, ...filter }));
    }
  });

  it('DescribeImages of the own images, with their open tasks (withViews looks tasks up by image_id)', async () => {
    await expectIndexed(async () => await describeImages(owner, { regionId: region, ownerAlias: 'self' }));
  });

  it('DescribeImages of every visible image, filtered by OSType', async () => {
    await expectIndexed(async () => await describeImages(owner, { regionId: region, osType: 'linux' }));
  });

  it('DescribeImages of the images shared with the caller', async () => {
    await expectIndexed(async () => await describeImages(recipient, { regionId: region, ownerAlias: 'others' }));
  });

  it('the launch wizard reads a page of marketplace products in title order, not every product of the region', async () => {
    const pages = (await recordSelects(async () => await marketplaceLaunchPage(owner, { regionId: region }))).filter((source) => /from "products".* union all /.test(source));
    expect(pages).toHaveLength(1);
    expect({ scans: scansOf(pages[0]), sorts: sortsOf(pages[0]) }).toEqual({ scans: [], sorts: [] });
  });

  it('a page of DescribeInstances', async () => {
    await expectIndexed(async () => await describeInstances(owner, { regionId: region }));
  });

  it('issue 16: the console lists searched and sorted by any column read through an index, never a scan of the table', async () => {
    const scansIn = async (work: () => unknown) => (await recordSelects(work)).flatMap(scansOf);
    for (const sort of ['name', '-status', 'type', 'created']) expect(await scansIn(async () => await describeInstances(owner, { regionId: region, search: 'vm-1', sort }))).toEqual([]);
    for (const sort of ['product', '-amount', 'status']) expect(await scansIn(async () => await listOrders(owner, { regionId: region, search: 'o-x', sort }))).toEqual([]);
    for (const sort of ['image', '-action', 'status']) expect(await scansIn(async () => await describeTasks(owner, { regionId: region, search: 'image-1', sort }))).toEqual([]);
    expect(await scansIn(async () => await describeBuckets(owner, { regionId: region, search: 'b', sort: '-created' }))).toEqual([]);
    for (const ownerAlias of ['self', 'marketplace'] as const) expect(await scansIn(async () => await describeImages(owner, { regionId: region, ownerAlias, search: 'image-1', sort: 'name' }))).toEqual([]);
  });

  it('issue 16: a search of the default (newest first) instance list is still a walk of the index in order', async () => {
    await expectIndexed(async () => await describeInstances(owner, { regionId: region, search: 'vm-42' }));
  });

  it('the launch quota count of an account in a region', async () => {
    await expectIndexed(async () => (await usageQuery(db(), instanceUsage, owner.accountId, region).limit(1)).at(0));
  });

  it('the available license count of a product in a region', async () => {
    await expectIndexed(async () => await availableLicenseCount(db(), owner.accountId, 'any-product', region));
  });

  it('a launch draws licenses in the pool index order: no sort of the whole pool', async () => {
    const selects = await recordSelects(async () => await infrastructure(async (tx) => await expect(consumeLicenses(tx, owner.accountId, 'any-product', region, ['i-1'])).rejects.toThrow('QuotaExceed.BuyImage')));
    expect(selects.length).toBe(1);
    expect(scansOf(selects[0])).toEqual([]);
    expect(planOf(selects[0]).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('the due-work queries of the background jobs use an index (issue 13)', () => {
  it('the subscription sweep: instances whose term has ended', async () => {
    await expectIndexed(async () => await expireSubscriptions());
  });

  it('the subscription sweep: expired instances frozen past the grace period', async () => {
    await expectIndexed(async () => await releaseExpired());
  });

  it('the subscription sweep: unused subscription licenses that end', async () => {
    await expectIndexed(async () => await endUnusedLicenses());
  });

  it('the hourly sweep: the instances with hours to settle, oldest mark first (no temporary sort)', async () => {
    const selects = await recordSelects(async () => await settleHours());
    expect(selects.map((source) => ({ source, scans: scansOf(source), sorts: planOf(source).filter((d) => d.includes('TEMP B-TREE')) })).filter((s) => s.scans.length || s.sorts.length)).toEqual([]);
  });

  it('the boot job: the Pending instances of a batch, by primary key', async () => {
    await expectIndexed(async () => await completeBoot(platformActor(owner.accountId, 'r-plan'), ['i-plan-1', 'i-plan-2']));
  });

  it("a worker lane's claim of its kind's due jobs", async () => {
    await expectIndexed(async () => await claimDueJobs(10, 'instance.boot'));
  });
});
