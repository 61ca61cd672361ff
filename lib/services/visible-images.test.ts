// Issue 13: DescribeImages answered from the four visible sets (system, marketplace, own, shared
// with the caller) merged in index order gives the same rows, in the same order, with the same
// TotalCount, as the query it replaced (every image of the region with a correlated EXISTS on
// the shares, sorted), kept below as the reference — on a mixed dataset, for every alias, each
// filter and several pages.
import { and, asc, count, desc, eq, exists, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, imageShares } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import type { Actor } from '../domain/actor';
import type { ImageOwnerAlias } from '../domain/images';
import { describeImages } from './images';
import { type ImageFilters } from './visible-images';
import { infrastructure } from './transaction';

const { db } = throwawayDatabase();
const REGION = 'cn-hangzhou';
let alice: Actor;
let bob: Actor;
let carol: Actor;

/** The DescribeImages query before issue 13, verbatim but for the paging. */
async function reference(accountId: string, q: ImageFilters & { ownerAlias?: ImageOwnerAlias; page: number; pageSize: number }) {
  const sharedWith = exists(sql`(SELECT 1 FROM ${imageShares} WHERE ${imageShares.imageId} = ${images.id} AND ${imageShares.recipientAccountId} = ${accountId} AND ${imageShares.removedAt} IS NULL)`);
  const own = and(eq(images.kind, 'custom'), eq(images.ownerAccountId, accountId));
  const byAlias: Record<string, SQL | undefined> = { system: eq(images.kind, 'system'), self: own, others: and(eq(images.kind, 'custom'), sharedWith), marketplace: eq(images.kind, 'marketplace') };
  const filters = [
    q.imageId && eq(images.id, q.imageId),
    q.imageName && eq(images.name, q.imageName),
    q.productCode && eq(images.productCode, q.productCode),
    q.status && eq(images.status, q.status),
    q.osType && eq(images.osType, q.osType.toLowerCase()),
    q.architecture && eq(images.architecture, q.architecture),
  ].filter((f): f is SQL => Boolean(f));
  const visible = q.ownerAlias ? byAlias[q.ownerAlias] : or(...Object.values(byAlias));
  const where = and(eq(images.regionId, REGION), isNull(images.deletedAt), visible, ...(q.status ? [] : [ne(images.status, 'CreateFailed')]), ...filters);
  const total = (await db().select({ n: count() }).from(images).where(where).limit(1)).at(0)?.n ?? 0;
  const rows = await db().select({ id: images.id }).from(images).where(where).orderBy(desc(images.createdAt), asc(images.name)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { ids: rows.map((r) => r.id), total };
}

beforeAll(async () => {
  await seedTestMarketplace(db());
  alice = await newBuyer('Alice');
  bob = await newBuyer('Bob');
  carol = await newBuyer('Carol');
  const template = (await db().select().from(images).where(and(eq(images.regionId, REGION), eq(images.kind, 'system'))).limit(1)).at(0)!;
  const base = Date.now();
  await infrastructure(async (tx) => {
    const owners = [alice, bob, carol];
    for (let i = 0; i < 240; i++) {
      const owner = owners[i % 3];
      const id = `m-mixed-${i}`;
      // Some share a creation time (ordered by name then), some are in another region, deleted, failed or still being made.
      await tx.insert(images)
        .values({
          ...template,
          id,
          kind: 'custom',
          ownerAccountId: owner.accountId,
          regionId: i % 11 === 0 ? 'cn-shanghai' : REGION,
          name: `mixed-${String(i).padStart(3, '0')}`,
          osType: i % 4 === 0 ? 'windows' : 'linux',
          architecture: i % 6 === 0 ? 'arm64' : 'x86_64',
          status: i % 13 === 0 ? 'CreateFailed' : i % 17 === 0 ? 'Creating' : 'Available',
          productCode: null,
          source: 'instance',
          createdAt: new Date(base - Math.floor(i / 3) * 60_000),
          deletedAt: i % 19 === 0 ? new Date(base) : null,
        });
      // Alice receives a share of every fourth image of the others; some of those shares were removed.
      if (owner !== alice && i % 4 === 1) {
        await tx.insert(imageShares).values({ imageId: id, ownerAccountId: owner.accountId, recipientAccountId: alice.accountId, sharedAt: new Date(base), removedAt: i % 3 === 1 && i % 8 === 1 ? new Date(base) : null });
      }
      if (owner === carol && i % 5 === 0) await tx.insert(imageShares).values({ imageId: id, ownerAccountId: carol.accountId, recipientAccountId: bob.accountId, sharedAt: new Date(base) });
    }
  });
});

describe('DescribeImages from the visible sets (issue 13)', () => {
  const aliases: (ImageOwnerAlias | undefined)[] = [undefined, 'system', 'self', 'others', 'marketplace'];
  const filterSets = async (): Promise<ImageFilters[]> => {
    const marketplaceImage = (await db().select().from(images).where(and(eq(images.regionId, REGION), eq(images.kind, 'marketplace'))).limit(1)).at(0)!;
    return [
      {},
      { osType: 'linux' },
      { osType: 'WINDOWS' },
      { status: 'CreateFailed' },
      { status: 'Creating' },
      { status: 'Available' },
      { architecture: 'arm64' },
      { imageName: 'mixed-005' },
      { imageName: marketplaceImage.name },
      { imageId: 'm-mixed-9' },
      { imageId: marketplaceImage.id },
      { imageId: 'm-mixed-12' }, // deleted
      { productCode: marketplaceImage.productCode! },
      { osType: 'linux', architecture: 'x86_64', status: 'Available' },
    ];
  };

  it('gives the same rows, order and total as the query it replaced, for every alias, filter and page', async () => {
    let compared = 0;
    for (const actor of [alice, bob, carol]) {
      for (const ownerAlias of aliases) {
        for (const filters of await filterSets()) {
          for (const [page, pageSize] of [[1, 50], [2, 7], [3, 20], [40, 10]]) {
            const query = { ...filters, ownerAlias, page, pageSize };
            const answer = await describeImages(actor, { regionId: REGION, ...query });
            expect({ ids: answer.items.map((i) => i.id), total: answer.total }, JSON.stringify({ actor: actor.accountId, ...query })).toEqual(await reference(actor.accountId, query));
            compared += answer.items.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('counts a platform image inserted since the last answer (an approved listing) at once, and a custom one', async () => {
    const before = (await describeImages(bob, { regionId: REGION, osType: 'linux' })).total;
    const marketplaceImage = (await db().select().from(images).where(and(eq(images.regionId, REGION), eq(images.kind, 'marketplace'))).limit(1)).at(0)!;
    await db().insert(images).values({ ...marketplaceImage, id: 'm-newly-listed', name: 'newly-listed', osType: 'linux', createdAt: new Date() });
    expect((await describeImages(bob, { regionId: REGION, osType: 'linux' })).total).toBe(before + 1);
    await db().insert(images).values({ ...marketplaceImage, id: 'm-bob-new', kind: 'custom', ownerAccountId: bob.accountId, productCode: null, name: 'bob-new', osType: 'linux', createdAt: new Date() });
    const after = await describeImages(bob, { regionId: REGION, osType: 'linux' });
    expect(after.total).toBe(before + 2);
    expect(after.total).toBe((await reference(bob.accountId, { osType: 'linux', page: 1, pageSize: 20 })).total);
  });

  it('says how each image looks to the caller', async () => {
    const { items } = await describeImages(alice, { regionId: REGION, pageSize: 100 });
    const aliasOf = new Map(items.map((i) => [i.id, i.ownerAlias]));
    expect(new Set(aliasOf.values())).toEqual(new Set(['system', 'marketplace', 'self', 'others']));
    expect(items.filter((i) => i.ownerAlias === 'self').every((i) => i.ownerAccountId === alice.accountId)).toBe(true);
    expect(items.filter((i) => i.ownerAlias === 'others').every((i) => i.ownerAccountId !== alice.accountId && i.sourceInstanceId === null)).toBe(true);
  });
});
