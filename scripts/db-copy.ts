// `npm run db:copy -- --from <sqlite file> --to <postgres url>` (issue 15): moves a stopped
// SQLite installation into an empty, migrated PostgreSQL database (`DATABASE_URL=… npm run db:migrate` first),
// in one transaction that commits only once the copy checks out: the same rows in every table,
// the ledger summing to 0 per transfer, and the kept instance counts equal. Tables are copied
// parents first (by their foreign keys), each in rowid order.
// The tables the triggers keep (instance_usage, marketplace_revision) are not copied: the
// PostgreSQL triggers rebuild them from the rows as they arrive (the check compares
// instance_usage; marketplace_revision is a counter that need only move). The search text goes
// from SQLite's FTS5 table products_fts into PostgreSQL's products_search through the search
// module, which keeps it as PostgreSQL searches it; the check counts its rows.
import Database from 'better-sqlite3';
import { getTableName, is, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import * as sqliteSchema from '../db/schema.sqlite';
import * as pgSchema from '../db/schema.pg';
import { indexProductPg, type ProductText } from '../lib/services/product-search';

/** Kept by triggers on both engines: rebuilt, then compared, never copied. */
const derived = new Set(['instance_usage', 'marketplace_revision']);
/** Where PostgreSQL keeps the search text (SQLite: products_fts, outside db/schema.ts). */
const SEARCH = 'products_search';
/** PostgreSQL's limit is 65,535 parameters a statement. */
const MAX_PARAMETERS = 30_000;

type Pair = { name: string; from: SQLiteTable; to: PgTable };

/** Every table of the schema on both engines (schema-parity.test.ts proves them the same), parents first. */
export function copyOrder(): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const [key, table] of Object.entries(sqliteSchema)) {
    if (!is(table, SQLiteTable)) continue;
    const to = (pgSchema as Record<string, unknown>)[key];
    if (!is(to, PgTable)) throw new Error(`db/schema.pg.ts has no table ${key}`);
    const name = getTableName(table);
    if (!derived.has(name)) pairs.set(name, { name, from: table, to });
  }
  const ordered: Pair[] = [];
  const placed = new Set<string>();
  const place = (pair: Pair, path: string[]) => {
    if (placed.has(pair.name)) return;
    if (path.includes(pair.name)) throw new Error(`foreign keys form a cycle: ${[...path, pair.name].join(' → ')}`);
    for (const fk of getTableConfig(pair.to).foreignKeys) {
      const parent = getTableName(fk.reference().foreignTable);
      const parentPair = pairs.get(parent);
      if (parent !== pair.name && parentPair) place(parentPair, [...path, pair.name]);
    }
    placed.add(pair.name);
    ordered.push(pair);
  };
  for (const pair of pairs.values()) place(pair, []);
  return ordered;
}

export type CopyReport = { tables: { name: string; rows: number }[]; seconds: number };

export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string): Promise<CopyReport> {
  const started = performance.now();
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  // One read transaction: every table (and the check) read from one snapshot of the source.
  source.exec('BEGIN');
  const from = drizzleSqlite(source);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  const to = drizzlePg(client);
  const tables: CopyReport['tables'] = [];
  try {
    const order = copyOrder();
    await client.query('BEGIN');
    for (const name of [...order.map((t) => t.name), SEARCH]) {
      const rows = await countIn(to, name);
      if (rows > 0) throw new Error(`the target is not empty: ${name} has ${rows} rows (copy into a new, migrated database)`);
    }
    for (const { name, from: table, to: target } of order) {
      const rows = (await from.select().from(table).orderBy(sql`rowid`)) as Record<string, unknown>[];
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(getTableConfig(target).columns).length)));
      for (let i = 0; i < rows.length; i += perStatement) await to.insert(target).values(rows.slice(i, i + perStatement)).execute();
      tables.push({ name, rows: rows.length });
    }
    const search = await from.all<ProductText>(sql`SELECT code, title, summary, description, seller FROM products_fts ORDER BY rowid`);
    for (const product of search) await indexProductPg(to, product);
    tables.push({ name: SEARCH, rows: search.length });
    await resetIdentities(client);
    // Checked inside the transaction: a copy that fails its check leaves the target empty.
    await check(from, to, order);
    const searchRows = await countIn(to, SEARCH);
    if (searchRows !== search.length) throw new Error(`${SEARCH}: ${search.length} rows in SQLite's products_fts, ${searchRows} in PostgreSQL`);
    await client.query('COMMIT');
    return { tables, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    source.close();
  }
}

async function countIn(db: NodePgDatabase, table: string): Promise<number> {
  const { rows } = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
  return Number(rows[0].n);
}

/** Ids copied as they were: each identity column's sequence moves past the largest. */
async function resetIdentities(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`);
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(COALESCE((SELECT max(${pg.escapeIdentifier(column)}) FROM ${pg.escapeIdentifier(table)}), 0), 1))`, [table, column]);
  }
}

/** A value as comparable text: times as instants, JSON with its keys sorted (jsonb reorders them), bytes as hex. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().map((key) => [key, canonical(object[key])]));
  }
  return value;
}

/** A table's rows as sorted text (sorted here: the two engines' collations order text differently). */
const asText = (rows: unknown[]) => rows.map((row) => JSON.stringify(canonical(row))).sort();

/** The invariants after the copy; a difference is an error naming the table, never a row's values. */
async function check(from: ReturnType<typeof drizzleSqlite>, to: NodePgDatabase, order: Pair[]): Promise<void> {
  for (const { name, from: table, to: target } of order) {
    const [source, copied] = [asText(await from.select().from(table)), asText(await to.select().from(target))];
    if (source.length !== copied.length) throw new Error(`${name}: ${source.length} rows in SQLite, ${copied.length} in PostgreSQL`);
    const differ = source.filter((row, i) => row !== copied[i]).length;
    if (differ > 0) throw new Error(`${name}: ${differ} rows differ between SQLite and PostgreSQL`);
  }
  const unbalanced = await to.execute(sql`SELECT transfer_id FROM ledger_entries GROUP BY transfer_id HAVING sum(amount_fen) <> 0 LIMIT 1`);
  if (unbalanced.rows.length > 0) throw new Error(`the ledger does not balance: transfer ${String(unbalanced.rows[0].transfer_id)}`);
  const query = sql`SELECT account_id, region_id, instances, vcpus FROM instance_usage WHERE instances <> 0 OR vcpus <> 0`;
  const usage = (rows: Record<string, unknown>[]) => asText(rows.map((r) => Object.values(r).map(String)));
  if (JSON.stringify(usage((await to.execute(query)).rows)) !== JSON.stringify(usage(await from.all(query)))) throw new Error('instance_usage rebuilt by the PostgreSQL triggers differs from SQLite’s');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const fromFile = option('from');
  const toUrl = option('to');
  if (!fromFile || !toUrl?.startsWith('postgres')) {
    console.error('Usage: npm run db:copy -- --from <stopped SQLite file, e.g. data/stratus.db> --to <postgres://… of an empty database migrated with db/migrate-pg.ts>');
    process.exit(1);
  }
  try {
    const report = await copySqliteToPostgres(fromFile, toUrl);
    for (const { name, rows } of report.tables) if (rows > 0) console.log(`${name.padEnd(28)} ${rows}`);
    console.log(`Copied ${report.tables.reduce((n, t) => n + t.rows, 0)} rows in ${report.seconds.toFixed(1)} s; rows per table, the ledger and the instance counts check out.`);
  } catch (error) {
    console.error(`db:copy: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
