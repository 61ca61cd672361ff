// Issue 15: the rules that count rows and then insert one, raced on PostgreSQL with two real
// connections. Under READ COMMITTED each transaction counts only committed rows, so two that
// count before either commits both pass the cap; with the parent row locked first
// (db/portable.ts lockForCount, as the services do) the second waits for the first to commit and
// counts its insert (the launch quota: its usage read takes the lock). The queries are the
// services' own, on the PostgreSQL schema (the services run on SQLite today, where BEGIN
// IMMEDIATE never lets two counts overlap).
import { and, count, eq, gte, isNull, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDayStart, chinaYearStart } from '../domain/calendar';
import { throwawayPostgres, twoConnections, untilOneWaitsForALock } from '../../tests/helpers/postgres';
import { instanceUsage } from '../../db/schema';
import { lockedUsageQuery, usageQuery } from './launch-limits';
import type { Db } from '../../db/client';
import { changedRows, lockForCount } from '../../db/portable';
import * as s from '../../db/schema.pg';

const postgres = throwawayPostgres({ migrated: true });
let pool: pg.Pool;
let db: NodePgDatabase;

const now = new Date();
const region = 'cn-hangzhou';
const systemImage = 'm-system';
let serial = 0;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: postgres.url(), max: 4 });
  db = drizzle(pool);
  await db.insert(s.regions).values({ id: region, sortOrder: 1 });
  await db.insert(s.instanceTypes).values({ id: 'ecs.t6-c1m1.large', family: 'ecs.t6', vcpu: 1, memoryGib: 1, hourlyPriceFen: 10 });
  const seller = await newAccount();
  await db.insert(s.images).values(image(systemImage, null, 'system'));
  await db.insert(s.products).values({ code: 'p-1', sellerAccountId: seller, title: 'NGINX', category: 'web', summary: 'S', description: 'D', osType: 'linux', platform: 'Debian', status: 'listed', createdAt: now });
  await db.insert(s.skus).values({ code: 'p-1-once', productCode: 'p-1', pricingModel: 'per_instance', priceFen: 1000 });
});

afterAll(async () => {
  await pool?.end();
});

async function newAccount(): Promise<string> {
  const id = String(3_000_000_000_000_000 + ++serial);
  await db.insert(s.accounts).values({ id, name: `Account ${id}`, createdAt: now });
  return id;
}

function image(id: string, ownerAccountId: string | null, kind = 'custom') {
  return { id, regionId: region, kind, ownerAccountId, name: id, osType: 'linux', platform: 'Debian', architecture: 'x86_64', sizeGib: 20, status: 'Available', source: kind === 'system' ? 'system' : 'instance', createdAt: now };
}

async function newCustomImage(owner: string): Promise<string> {
  const id = `m-${++serial}`;
  await db.insert(s.images).values(image(id, owner));
  return id;
}

const share = (on: NodePgDatabase, imageId: string, owner: string, recipient: string) => on.insert(s.imageShares).values({ imageId, ownerAccountId: owner, recipientAccountId: recipient, sharedAt: now });
const counted = async (query: PromiseLike<{ n: number }[]>) => (await query)[0]?.n ?? 0;

/** A rule's count (the service's query), the insert it allows, its cap, and the account row the service locks first (or another lock). */
type CountedRule = {
  cap: number;
  parent: string;
  count: (on: NodePgDatabase) => Promise<number>;
  insert: (on: NodePgDatabase, turn: 'a' | 'b') => PromiseLike<unknown>;
  lock?: (on: NodePgDatabase) => PromiseLike<unknown>;
};

/**
 * Transactions a and b each count and insert when under the cap; a inserts and commits first.
 * Without the lock, b counts before a's insert commits; with it, b's lock waits for a's commit.
 */
async function countThenInsert(rule: CountedRule, locked: boolean) {
  const inserted = await twoConnections(pool, async (a, b) => {
    const underCap = async (on: NodePgDatabase) => {
      if (locked) await (rule.lock ? rule.lock(on) : await lockForCount(on, s.accounts, rule.parent));
      return (await rule.count(on)) < rule.cap;
    };
    const aMay = await underCap(a);
    const bMay = underCap(b);
    if (locked) await untilOneWaitsForALock(pool);
    else await bMay;
    if (aMay) await rule.insert(a, 'a');
    await a.execute(sql`COMMIT`);
    if (await bMay) await rule.insert(b, 'b');
    await b.execute(sql`COMMIT`);
    return [aMay, await bMay];
  });
  return { inserted, counted: await rule.count(db) };
}

/** The cap is passed by one when the two count unlocked, and holds when each locks first (a fresh rule for each run). */
async function expectCapHeldOnlyWithTheLock(rule: () => Promise<CountedRule>) {
  const unlocked = await rule();
  expect(await countThenInsert(unlocked, false)).toEqual({ inserted: [true, true], counted: unlocked.cap + 1 });
  const locked = await rule();
  expect(await countThenInsert(locked, true)).toEqual({ inserted: [true, false], counted: locked.cap });
}

describe('count-then-insert rules raced on PostgreSQL with two connections (issue 15)', () => {
  it("SHR-3: two shares of one image at once, one recipient short of its cap: the owner's lock lets one in", async () => {
    await expectCapHeldOnlyWithTheLock(async () => {
      const owner = await newAccount();
      const imageId = await newCustomImage(owner);
      await share(db, imageId, owner, await newAccount());
      const recipients = { a: await newAccount(), b: await newAccount() };
      return {
        cap: 2,
        parent: owner,
        // sharing.ts activeShares
        count: async (on) => (await on.select().from(s.imageShares).where(and(eq(s.imageShares.imageId, imageId), isNull(s.imageShares.removedAt)))).length,
        insert: (on, turn) => share(on, imageId, owner, recipients[turn]),
      };
    });
  });

  it("SHR-4: two shares of different images on one China day, one short of the owner's daily cap: the owner's lock (not an image's) lets one in", async () => {
    await expectCapHeldOnlyWithTheLock(async () => {
      const owner = await newAccount();
      await share(db, await newCustomImage(owner), owner, await newAccount());
      const shares = { a: [await newCustomImage(owner), await newAccount()], b: [await newCustomImage(owner), await newAccount()] };
      return {
        cap: 2,
        parent: owner,
        // sharing.ts sharesMadeToday
        count: (on) => counted(on.select({ n: count() }).from(s.imageShares).where(and(eq(s.imageShares.ownerAccountId, owner), gte(s.imageShares.sharedAt, chinaDayStart(now))))),
        insert: (on, turn) => share(on, shares[turn][0], owner, shares[turn][1]),
      };
    });
  });

  it("IMP-9, SHR-6: an image shared with an account while it makes one of its own, one short of its image quota: the recipient's lock lets one in", async () => {
    await expectCapHeldOnlyWithTheLock(async () => {
      const recipient = await newAccount();
      await newCustomImage(recipient);
      const owner = await newAccount();
      const shared = await newCustomImage(owner);
      return {
        cap: 2,
        parent: recipient,
        // images.ts imagesCountedInQuota
        count: async (on) => {
          const own = await counted(on.select({ n: count() }).from(s.images).where(and(eq(s.images.ownerAccountId, recipient), eq(s.images.kind, 'custom'), isNull(s.images.deletedAt), eq(s.images.regionId, region))));
          const received = await counted(
            on
              .select({ n: count() })
              .from(s.imageShares)
              .innerJoin(s.images, eq(s.images.id, s.imageShares.imageId))
              .where(and(eq(s.imageShares.recipientAccountId, recipient), isNull(s.imageShares.removedAt), eq(s.images.regionId, region))),
          );
          return own + received;
        },
        // a: the owner's ModifyImageSharePermission; b: the recipient's CreateImage.
        insert: (on, turn) => (turn === 'a' ? share(on, shared, owner, recipient) : on.insert(s.images).values(image(`m-${++serial}`, recipient))),
      };
    });
  });

  it("REF-3: two approvals of one buyer's refunds at once, one short of the year's allowance: the buyer's lock lets one through", async () => {
    await expectCapHeldOnlyWithTheLock(async () => {
      const buyer = await newAccount();
      const request = async (status: 'approved' | 'pending') => {
        const id = `o-${++serial}`;
        await db.insert(s.orders).values({ id, accountId: buyer, productCode: 'p-1', skuCode: 'p-1-once', pricingModel: 'per_instance', regionId: region, quantity: 1, unitPriceFen: 1000, amountFen: 1000, status: 'paid', createdAt: now });
        const [row] = await db
          .insert(s.refundRequests)
          .values({ orderId: id, accountId: buyer, reason: 'r', status, countsTowardLimit: true, requestedAt: now, decidedAt: status === 'approved' ? now : null })
          .returning({ id: s.refundRequests.id });
        return row.id;
      };
      await request('approved');
      const pending = { a: await request('pending'), b: await request('pending') };
      const r = s.refundRequests;
      return {
        cap: 2,
        parent: buyer,
        // refunds.ts eligibility's refundsThisYear
        count: (on) => counted(on.select({ n: count() }).from(r).where(and(eq(r.accountId, buyer), eq(r.status, 'approved'), eq(r.countsTowardLimit, true), gte(r.decidedAt, chinaYearStart(now))))),
        insert: (on, turn) => on.update(r).set({ status: 'approved', decidedAt: now }).where(eq(r.id, pending[turn])),
      };
    });
  });

  it('IMP-8: a second call with the same ClientToken waits for the first to commit and reads its result; looked up first, it failed on the unique key', async () => {
    const accountId = await newAccount();
    const t = s.idempotencyRecords;
    const record = (clientToken: string, result: object) => ({ accountId, action: 'RunInstances', clientToken, parametersHash: 'h', result, createdAt: now });
    const key = (clientToken: string) => and(eq(t.accountId, accountId), eq(t.action, 'RunInstances'), eq(t.clientToken, clientToken));
    const first = { instanceIds: ['i-a'] };
    // idempotency.ts once: claim the token, and write the result when there is one.
    await twoConnections(pool, async (a, b) => {
      expect(changedRows(await a.insert(t).values(record('token-1', {})).onConflictDoNothing())).toBe(1);
      const second = b.insert(t).values(record('token-1', {})).onConflictDoNothing().execute(); // a builder runs when executed
      await untilOneWaitsForALock(pool);
      await a.update(t).set({ result: first }).where(key('token-1'));
      await a.execute(sql`COMMIT`);
      expect(changedRows(await second)).toBe(0);
      expect(await b.select({ result: t.result }).from(t).where(key('token-1'))).toEqual([{ result: first }]);
    });
    // As it was: both look and miss the row, both insert; the second fails instead of answering.
    await twoConnections(pool, async (a, b) => {
      expect(await a.select().from(t).where(key('token-2'))).toEqual([]);
      expect(await b.select().from(t).where(key('token-2'))).toEqual([]);
      await a.insert(t).values(record('token-2', first));
      const second = b.insert(t).values(record('token-2', { instanceIds: ['i-b'] })).execute().then(() => 'inserted', (error: unknown) => error);
      await untilOneWaitsForALock(pool);
      await a.execute(sql`COMMIT`);
      expect(await second).toMatchObject({ cause: { code: '23505' } }); // unique_violation
    });
  });
});

describe('the launch quota on PostgreSQL (issue 15, ADM-4)', () => {
  const launch = (on: NodePgDatabase, accountId: string) =>
    on.insert(s.instances).values({ id: `i-${++serial}`, accountId, regionId: region, instanceTypeId: 'ecs.t6-c1m1.large', imageId: systemImage, name: 'i', status: 'Running', meteredUntil: now, createdAt: now });
  // The service's builders (launch-limits.ts), typed for SQLite, run on PostgreSQL's connection and schema.
  const pgUsage = s.instanceUsage as unknown as typeof instanceUsage;
  const plainRead = async (on: NodePgDatabase, accountId: string) => (await usageQuery(on as unknown as Db, pgUsage, accountId, region))[0]?.instances ?? 0;
  const lockedRead = async (on: NodePgDatabase, accountId: string) => (await lockedUsageQuery(on as unknown as Db, pgUsage, accountId, region))[0].instances;

  /**
   * Transactions a and b each read the account's usage and launch one instance when under the
   * quota (one left after `already`); a launches and commits first. Says who launched and the usage after.
   */
  async function twoLaunches(locked: boolean, already: number) {
    const accountId = await newAccount();
    for (let i = 0; i < already; i++) await launch(db, accountId);
    const quota = already + 1;
    const read = locked ? lockedRead : plainRead;
    const launched = await twoConnections(pool, async (a, b) => {
      const mayLaunch = async (on: NodePgDatabase) => (await read(on, accountId)) < quota;
      const aMay = await mayLaunch(a);
      const bMay = mayLaunch(b);
      if (locked) await untilOneWaitsForALock(pool); // b's read waits for a's lock on the usage row
      if (aMay) await launch(a, accountId);
      const bLaunch = bMay.then(async (may) => void (may && (await launch(b, accountId))));
      if (!locked) await untilOneWaitsForALock(pool); // b read the usage, then waits only at its insert: the trigger's update of the row
      await a.execute(sql`COMMIT`);
      await bLaunch;
      await b.execute(sql`COMMIT`);
      return [aMay, await bMay];
    });
    return { launched, used: await plainRead(db, accountId) };
  }

  it('read plainly, two launches one short of the quota both pass it; read locked, the second waits for the first and is refused', async () => {
    expect(await twoLaunches(false, 1)).toEqual({ launched: [true, true], used: 3 });
    expect(await twoLaunches(true, 1)).toEqual({ launched: [true, false], used: 2 });
  });

  it("an account's first launch in the region: the locked read's (0, 0) row makes the second wait, and the triggers count onto it", async () => {
    expect(await twoLaunches(true, 0)).toEqual({ launched: [true, false], used: 1 });
    const accountId = await newAccount();
    expect(await lockedRead(db, accountId)).toBe(0);
    await launch(db, accountId);
    await launch(db, accountId);
    expect(await db.select({ instances: s.instanceUsage.instances, vcpus: s.instanceUsage.vcpus }).from(s.instanceUsage).where(eq(s.instanceUsage.accountId, accountId))).toEqual([{ instances: 2, vcpus: 2 }]);
  });
});
