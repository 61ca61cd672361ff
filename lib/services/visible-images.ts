// DescribeImages' list (issue 13): the images of a region a caller can see are four disjoint
// sets — system, marketplace, its own custom images, custom images shared with it — each read
// from an index in the list's order (created_at DESC, name), so SQLite merges them (UNION ALL)
// and stops after a page instead of visiting and sorting every image of the region. The page
// is read as rowids from the indexes first, then only its rows are loaded.
import { and, asc, count, desc, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, sortValue, type ListSort } from '../domain/list-query';
import { unionAll } from 'drizzle-orm/sqlite-core';
import { images, imageShares } from '../../db/schema';
import type { ImageOwnerAlias } from '../domain/images';
import type { Image } from './catalogue';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { inJsonList, likeIgnoringCase, oneAfterAnother } from '../../db/portable';
import { onPostgres } from '../../db/engine';

export type ImageFilters = { imageId?: string; imageName?: string; productCode?: string; status?: string; osType?: string; architecture?: string; search?: string; imageFamily?: string };
/** The console's image list sorts by name or by creation (issue 16); DescribeImages by creation, newest first. */
export const imageSortKeys = ['name', 'created'] as const;
export type ImageListQuery = ImageFilters & { accountId: string; regionId: string; ownerAlias?: ImageOwnerAlias; page: number; pageSize: number; sort?: ListSort<(typeof imageSortKeys)[number]> };

const aliases: ImageOwnerAlias[] = ['system', 'marketplace', 'self', 'others'];
// The merge's key: SQLite's rowid (the index entries carry it), on PostgreSQL the id.
const rowKey = onPostgres ? sql<string>`${images.id}` : sql<number>`${images}.rowid`;

const filterNames = ['imageId', 'imageName', 'productCode', 'status', 'osType', 'architecture', 'search', 'imageFamily'] as const;
const p = (name: string) => sql.placeholder(name);

/** What every set shares: the region, not deleted, CreateFailed hidden unless asked for, and the DescribeImages filters given. */
function commonTerms(q: ImageListQuery): SQL[] {
  return [
    eq(images.regionId, p('regionId')),
    isNull(images.deletedAt),
    ...statusTerms(q.status),
    ...(q.imageId ? [eq(images.id, p('imageId'))] : []),
    ...(q.imageName ? [eq(images.name, p('imageName'))] : []),
    ...(q.productCode ? [eq(images.productCode, p('productCode'))] : []),
    ...(q.osType ? [eq(images.osType, p('osType'))] : []),
    ...(q.architecture ? [eq(images.architecture, p('architecture'))] : []),
    ...(q.imageFamily ? [eq(images.imageFamily, p('imageFamily'))] : []),
    // Issue 16's search: the image id, or a name containing the term (filtered along the set's index).
    ...(q.search ? [or(eq(images.id, p('search')), likeIgnoringCase(images.name, p('searchLike')))!] : []),
  ];
}

/**
 * Issue 17: Status=Deprecated finds what DescribeImages answers as Deprecated — an Available
 * image with a deprecation. Available stays every Available image: the launch wizard lists the
 * owner's own deprecated images through it (others' are left out by notDeprecated).
 */
function statusTerms(status: string | undefined): SQL[] {
  if (status === 'Deprecated') return [eq(images.status, 'Available'), isNotNull(images.deprecatedAt)];
  return [status ? eq(images.status, p('status')) : ne(images.status, 'CreateFailed')];
}

/** Issue 17: another's deprecated image is left out of a list, unless it is asked for by id or by Status=Deprecated (automation that names it keeps working). */
const notDeprecated = (q: ImageListQuery): SQL[] => (q.imageId || q.status === 'Deprecated' ? [] : [isNull(images.deprecatedAt)]);

/**
 * Where the platform's sets are read from. Without statistics SQLite prefers the listing index
 * (it gives the order) even when an ImageName or ProductCode would find a handful of rows
 * directly, so those (and ImageFamily) name their index.
 */
function platformSource(q: ImageFilters): SQL | typeof images {
  if (q.imageId || onPostgres) return images; // the primary key wins on its own; PostgreSQL plans with statistics
  if (q.imageName) return sql`${images} INDEXED BY images_region_name_idx`;
  if (q.productCode) return sql`${images} INDEXED BY images_product_idx`;
  if (q.imageFamily) return sql`${images} INDEXED BY images_family_idx`;
  return images;
}

/** One visible set's FROM and WHERE: the platform's by kind, the caller's own by owner, the shared ones from its active shares. */
function visibleSet(q: ImageListQuery, alias: ImageOwnerAlias): { fromShares: boolean; source: SQL | typeof images; where: SQL } {
  const terms = commonTerms(q);
  switch (alias) {
    case 'system':
      return { fromShares: false, source: platformSource(q), where: and(eq(images.kind, alias), ...terms)! };
    case 'marketplace':
      return { fromShares: false, source: platformSource(q), where: and(eq(images.kind, alias), ...terms, ...notDeprecated(q))! };
    case 'self':
      return { fromShares: false, source: images, where: and(eq(images.ownerAccountId, p('accountId')), eq(images.kind, 'custom'), ...terms)! };
    case 'others':
      return { fromShares: true, source: images, where: and(eq(imageShares.recipientAccountId, p('accountId')), isNull(imageShares.removedAt), eq(images.id, imageShares.imageId), eq(images.kind, 'custom'), ne(images.ownerAccountId, p('accountId')), ...terms, ...notDeprecated(q))! };
  }
}

type VisibleSet = ReturnType<typeof visibleSet>;
// From the caller's shares to their images (CROSS JOIN keeps that order), never the other way round.
const fromSet = <T>(set: VisibleSet, onImages: () => T, onShares: () => unknown): T => (set.fromShares ? (onShares() as T) : onImages());

function countOf(db: Db, set: VisibleSet) {
  const fields = { n: count() };
  return fromSet(set, () => db.select(fields).from(set.source as typeof images).where(set.where), () => db.select(fields).from(imageShares).crossJoin(images).where(set.where)).prepare();
}

/**
 * The set's rowids with the list's order keys: what the sets are merged by. With an order, only
 * the set's first `window` rows (offset + limit): PostgreSQL merges the sets in order (Merge
 * Append) only when each is limited so, and those rows hold the page.
 */
function keysOf(db: Db, set: VisibleSet, order?: SQL[]) {
  const fields = { key: rowKey.as('key'), createdAt: sql`${images.createdAt}`.as('created_at'), name: sql`${images.name}`.as('name') };
  const keys = fromSet(set, () => db.select(fields).from(set.source as typeof images).where(set.where).$dynamic(), () => db.select(fields).from(imageShares).crossJoin(images).where(set.where).$dynamic());
  return order ? keys.orderBy(...order).limit(p('window')) : keys;
}

const setsOf = (q: ImageListQuery): ImageOwnerAlias[] => (q.ownerAlias ? [q.ownerAlias] : aliases);
// Status=Deprecated filters with its own terms (statusTerms), so it is a shape of its own.
const shapeOf = (q: ImageListQuery) => [...filterNames.filter((f) => q[f]), ...(q.status === 'Deprecated' ? ['deprecated'] : [])].join(' ');

/** Each set's count, for one shape of query (which filters are given). */
function countsFor(db: Db, q: ImageListQuery) {
  return new Map(aliases.map((alias) => [alias, countOf(db, visibleSet(q, alias))]));
}

/** The page of the merge of some sets (those with rows: an empty set would still be walked), for one shape of query. */
function pageFor(db: Db, q: ImageListQuery, sets: ImageOwnerAlias[]) {
  const [first, ...rest] = sets.map((alias) => keysOf(db, visibleSet(q, alias), onPostgres && sets.length > 1 ? orderOf(q.sort) : undefined));
  return (rest.length ? unionAll(first, rest[0], ...rest.slice(1)) : first).orderBy(...orderOf(q.sort)).limit(p('limit')).offset(p('offset')).prepare();
}

/** The page's order: newest first then by name (the indexes' own order), or by name, or oldest first. */
function orderOf(sort: ImageListQuery['sort']): SQL[] {
  const by = sort?.direction === 'asc' ? asc : desc;
  if (sort?.key === 'name') return [by(sql`name`), desc(sql`created_at`)];
  return [by(sql`created_at`), asc(sql`name`)];
}
const sortKeyOf = (q: ImageListQuery) => (q.sort ? sortValue(q.sort) : '-created');

/** The statements of each shape of query, prepared on first use, once per database. */
const counts = preparedQuery(() => new Map<string, ReturnType<typeof countsFor>>());
const pages = preparedQuery(() => new Map<string, ReturnType<typeof pageFor>>());
const rowsByKey = preparedQuery((db) => db.select({ key: rowKey, image: images }).from(images).where(inJsonList(rowKey, p('keys'))).prepare());

function once<T>(known: Map<string, T>, key: string, make: () => T): T {
  let found = known.get(key);
  if (found === undefined) known.set(key, (found = make()));
  return found;
}

/**
 * The platform's images (system, marketplace) are inserted by the seed and when a listing is
 * approved, and only marketplace images change (a seller deprecates one, issue 17); they are the
 * same for every caller: their counts (a walk of thousands of index entries each) are kept per
 * database until the region's count of system images or the marketplace revision (bumped by a
 * trigger on every change of a marketplace image, migration 0012) moves. Only the non-selective filters
 * are kept (at most MAX_KEPT of them); the others count a handful of rows from their index.
 */
const MAX_KEPT = 1_000;
const platformCounts = new WeakMap<Db, { mark: string; counts: Map<string, number> }>();
// Read from the region's few dozen system image entries of an index, on either engine (no scan of the table).
const platformMark = preparedQuery((db) =>
  db
    .select({ mark: sql<string>`count(*) || ':' || (SELECT revision FROM marketplace_revision WHERE id = 1)` })
    .from(images)
    .where(and(eq(images.regionId, p('regionId')), eq(images.kind, 'system')))
    .prepare(),
);

/** The kept counts of the platform's sets, while the mark stands: read once per list. */
async function keptCounts(db: Db, regionId: string): Promise<Map<string, number>> {
  const mark = (await platformMark().execute({ regionId })).at(0)?.mark ?? '';
  let kept = platformCounts.get(db);
  if (!kept || kept.mark !== mark || kept.counts.size >= MAX_KEPT) platformCounts.set(db, (kept = { mark, counts: new Map() }));
  return kept.counts;
}

const isKept = (q: ImageListQuery, alias: ImageOwnerAlias) => (alias === 'system' || alias === 'marketplace') && !(q.imageId || q.imageName || q.productCode || q.imageFamily || q.search);

async function setSize(q: ImageListQuery, alias: ImageOwnerAlias, kept: () => Promise<Map<string, number>>, count: () => Promise<number>): Promise<number> {
  if (!isKept(q, alias)) return await count();
  const sizes = await kept();
  const key = JSON.stringify([alias, q.regionId, q.status ?? null, q.osType?.toLowerCase() ?? null, q.architecture ?? null]);
  const known = sizes.get(key);
  if (known !== undefined) return known;
  const n = await count();
  sizes.set(key, n);
  return n;
}

/** A page of the visible images, newest first (then by name), and how many there are in all. */
export async function listVisibleImages(db: Db, q: ImageListQuery): Promise<{ rows: Image[]; total: number }> {
  const params = { ...q, osType: q.osType?.toLowerCase(), searchLike: q.search ? containsPattern(q.search) : undefined, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, window: q.page * q.pageSize };
  const countOfSet = once(counts(), shapeOf(q), () => countsFor(db, q));
  let kept: Promise<Map<string, number>> | undefined;
  const platform = () => (kept ??= keptCounts(db, q.regionId));
  const sizes = await oneAfterAnother(setsOf(q), async (alias) => ({ alias, n: await setSize(q, alias, platform, async () => (await countOfSet.get(alias)!.execute(params)).at(0)?.n ?? 0) }));
  const total = sizes.reduce((sum, { n }) => sum + n, 0);
  const sets = sizes.filter(({ n }) => n > 0).map(({ alias }) => alias);
  if (sets.length === 0) return { rows: [], total };
  const keys = (await once(pages(), `${shapeOf(q)}|${sets.join(' ')}|${sortKeyOf(q)}`, () => pageFor(db, q, sets)).execute(params))
    .map((r) => r.key);
  if (keys.length === 0) return { rows: [], total };
  const byKey = new Map((await rowsByKey().execute({ keys: JSON.stringify(keys) })).map((r) => [r.key, r.image]));
  return { rows: keys.map((k) => byKey.get(k)!), total };
}
