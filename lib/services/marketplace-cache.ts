// What the public marketplace pages read is the same for every visitor, so it is kept in memory
// per marketplace revision: a counter that database triggers (migration 0010) bump in the
// transaction of every change those pages show. Each read checks the counter in the snapshot it
// would compute from, so a change is seen on the next request, in every server process, whoever
// made it. Nothing per visitor goes in here (licenses, wallet, preferred region stay per request).
import { primaryDb, type Db } from '../../db/client';
import { preparedStatement } from '../../db/prepared';
import { read } from './transaction';

/** Entries kept per revision; search queries come from visitors, so the cache is bounded (oldest out first). */
const MAX_ENTRIES = 500;

/** The database the entries were read from (the process's, whichever of its connections read them). */
let cachedFor: Db | null = null;
let cachedRevision = -1;
const entries = new Map<string, unknown>();
const revisionRow = preparedStatement('SELECT revision FROM marketplace_revision WHERE id = 1');

async function revisionOf(): Promise<number> {
  return (await revisionRow.get<{ revision: number }>())?.revision ?? 0;
}

/** The current revision (the whole-page cache of lib/page-cache.ts keys on it too). */
export function marketplaceRevision(): Promise<number> {
  return read(() => revisionOf());
}

/**
 * `compute(db)` for this key at the current revision, run in one read snapshot with the revision
 * check. The value is shared by every visitor until the next change: callers must not mutate it.
 */
export async function publicRead<T>(key: string, compute: (db: Db) => T | Promise<T>): Promise<T> {
  return await read(async (db) => {
    const revision = await revisionOf();
    if (primaryDb() !== cachedFor || revision !== cachedRevision) {
      entries.clear();
      cachedFor = primaryDb();
      cachedRevision = revision;
    }
    if (entries.has(key)) return entries.get(key) as T;
    const value = await compute(db);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
    return value;
  });
}
