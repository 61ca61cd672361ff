// Issue 15: the PostgreSQL migrations (db/migrations-pg) on a real server. They apply to an empty
// database and again as a no-op, and their hand-written PL/pgSQL triggers keep instance_usage and
// marketplace_revision exactly as SQLite's triggers (db/migrations/0011, 0012) do: the same
// changes, by raw SQL, run on both engines side by side and give the same figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { instanceStep } from '../tests/helpers/instance-usage-steps';
import { getTableName, is, sql, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase, type Db } from './client';
import { migratePostgres } from './migrate-pg';
import * as pgSchema from './schema.pg';
import { throwawayPostgres } from '../tests/helpers/postgres';

/** One engine, as the tests drive it: raw SQL written once for both, a time in its representation. */
type Engine = { name: string; run(query: SQL): Promise<void>; all<T>(query: SQL): Promise<T[]>; at(ms: number): number | Date };

const postgres = throwawayPostgres({ migrated: true });
let pool: pg.Pool;
let sqliteDb: Db;
let dir: string;
const engines: Engine[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-pg-parity-'));
  sqliteDb = openDatabase(path.join(dir, 'test.db'));
  await applyMigrations(sqliteDb);
  pool = new pg.Pool({ connectionString: postgres.url(), max: 2 });
  const pgDb: NodePgDatabase = drizzle(pool);
  engines.push(
    { name: 'sqlite', run: async (q) => void await sqliteDb.run(q), all: async <T,>(q: SQL) => await sqliteDb.all<T>(q), at: (ms) => ms },
    { name: 'postgres', run: async (q) => void (await pgDb.execute(q)), all: async <T,>(q: SQL) => (await pgDb.execute(q)).rows as T[], at: (ms) => new Date(ms) },
  );
});

afterAll(async () => {
  await pool?.end();
  sqliteDb?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const both = async (query: (e: Engine) => SQL) => {
  for (const e of engines) await e.run(query(e));
};

const regions = ['cn-hangzhou', 'cn-shanghai'];
const accounts = ['100000000000000a', '100000000000000b', '100000000000000c'];
const types = [
  ['ecs.t6-c1m1.large', 1],
  ['ecs.g7.large', 2],
  ['ecs.g7.xlarge', 4],
  ['ecs.g7.2xlarge', 8],
] as const;

describe('the PostgreSQL migrations (issue 15)', () => {
  it('create the tables, columns and indexes of db/schema.pg.ts and the triggers, and apply again as a no-op', async () => {
    const postgresEngine = engines[1];
    // Every column with its type and nullability, and every index: a schema change without its generated migration fails here.
    const columns = await postgresEngine.all<{ table_name: string; column_name: string; type: string; is_nullable: string }>(
      sql`SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable FROM information_schema.columns c
        JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name WHERE c.table_schema = 'public'`,
    );
    const indexes = await postgresEngine.all<{ name: string }>(sql`SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT i.indisprimary`);
    const tables = Object.values(pgSchema).filter((t) => is(t, PgTable));
    const expectedColumns = tables.flatMap((t) => getTableConfig(t).columns.map((c) => `${getTableName(t)}.${c.name} ${c.getSQLType()}${c.notNull ? ' not null' : ''}`));
    expect(columns.map((c) => `${c.table_name}.${c.column_name} ${c.type}${c.is_nullable === 'NO' ? ' not null' : ''}`).sort()).toEqual(expectedColumns.sort());
    expect(indexes.map((i) => i.name).sort()).toEqual(tables.flatMap((t) => getTableConfig(t).indexes.map((i) => i.config.name)).sort());
    const triggers = await postgresEngine.all<{ name: string }>(sql`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`);
    expect(triggers.length).toBe(14);
    await migratePostgres(postgres.url());
    expect(await postgresEngine.all(sql`SELECT id, revision FROM marketplace_revision`)).toEqual([{ id: 1, revision: 0 }]);
  });

  it('keep instance_usage as on SQLite after any sequence of inserts, status, type, region and account changes and deletes', async () => {
    await both(() => sql`INSERT INTO "regions" ("id", "sort_order") VALUES ('cn-hangzhou', 1), ('cn-shanghai', 2)`);
    for (const [id, vcpu] of types) await both(() => sql`INSERT INTO "instance_types" ("id", "family", "vcpu", "memory_gib", "hourly_price_fen") VALUES (${id}, 'g7', ${vcpu}, ${vcpu * 4}, 100)`);
    for (const id of accounts) await both((e) => sql`INSERT INTO "accounts" ("id", "name", "created_at") VALUES (${id}, ${id}, ${e.at(0)})`);
    for (const region of regions) {
      await both(
        (e) => sql`INSERT INTO "images" ("id", "region_id", "kind", "name", "os_type", "platform", "architecture", "size_gib", "status", "source", "created_at")
          VALUES (${`m-${region}`}, ${region}, 'system', 'Debian', 'linux', 'Debian', 'x86_64', 20, 'Available', 'system', ${e.at(0)})`,
      );
    }
    const live: string[] = [];
    let serial = 0;
    const kept = async (e: Engine) =>
      (await e.all<{ account_id: string; region_id: string; instances: number; vcpus: number }>(
        sql`SELECT account_id, region_id, instances, vcpus FROM instance_usage WHERE instances <> 0 OR vcpus <> 0 ORDER BY account_id, region_id`,
      )).map((r) => `${r.account_id}/${r.region_id}: ${Number(r.instances)} instances, ${Number(r.vcpus)} vCPUs`);
    const counted = async (e: Engine) =>
      (await e.all<{ account_id: string; region_id: string; instances: number; vcpus: number }>(
        sql`SELECT i.account_id, i.region_id, count(*) AS instances, sum(t.vcpu) AS vcpus FROM instances i JOIN instance_types t ON t.id = i.instance_type_id WHERE i.status <> 'Released' GROUP BY 1, 2 ORDER BY 1, 2`,
      )).map((r) => `${r.account_id}/${r.region_id}: ${Number(r.instances)} instances, ${Number(r.vcpus)} vCPUs`);
    await fc.assert(
      fc.asyncProperty(fc.array(instanceStep, { maxLength: 30 }), async (steps) => {
        // Each run starts empty, so that a counterexample is the whole story.
        await both(() => sql`DELETE FROM "instances"`);
        await both(() => sql`DELETE FROM "instance_usage"`);
        live.length = 0;
        for (const s of steps) {
          const target = 'pick' in s && live.length ? live[s.pick % live.length] : undefined;
          if (s.op === 'insert') {
            const id = `i-usage-${serial++}`;
            live.push(id);
            const regionId = regions[s.region];
            await both(
              (e) => sql`INSERT INTO "instances" ("id", "account_id", "region_id", "instance_type_id", "image_id", "name", "status", "metered_until", "created_at")
                VALUES (${id}, ${accounts[s.account]}, ${regionId}, ${types[s.type][0]}, ${`m-${regionId}`}, 'vm', ${s.status}, ${e.at(0)}, ${e.at(0)})`,
            );
          } else if (!target) continue;
          else if (s.op === 'status') await both(() => sql`UPDATE "instances" SET "status" = ${s.status} WHERE "id" = ${target}`);
          else if (s.op === 'retype') await both(() => sql`UPDATE "instances" SET "instance_type_id" = ${types[s.type][0]} WHERE "id" = ${target}`);
          else if (s.op === 'move') await both(() => sql`UPDATE "instances" SET "region_id" = ${regions[s.region]}, "account_id" = ${accounts[s.account]} WHERE "id" = ${target}`);
          else {
            await both(() => sql`DELETE FROM "instances" WHERE "id" = ${target}`);
            live.splice(live.indexOf(target), 1);
          }
        }
        const [onSqlite, onPostgres] = [await kept(engines[0]), await kept(engines[1])];
        expect(onPostgres).toEqual(onSqlite);
        expect(onPostgres).toEqual(await counted(engines[1]));
      }),
      { numRuns: 40 },
    );
  });

  it('bump marketplace_revision on the same changes as on SQLite, and only on changes the public pages show', async () => {
    const product = (code: string, status: string) => (e: Engine) =>
      sql`INSERT INTO "products" ("code", "seller_account_id", "title", "category", "summary", "description", "os_type", "platform", "status", "created_at")
        VALUES (${code}, ${accounts[0]}, 'Title', 'web', 'Summary', 'Description', 'linux', 'Debian', ${status}, ${e.at(0)})`;
    const image = (id: string, kind: string) => (e: Engine) =>
      sql`INSERT INTO "images" ("id", "region_id", "kind", "name", "os_type", "platform", "architecture", "size_gib", "status", "source", "created_at")
        VALUES (${id}, 'cn-hangzhou', ${kind}, 'Image', 'linux', 'Debian', 'x86_64', 20, 'Available', 'system', ${e.at(0)})`;
    const version = (code: string, v: string) => (e: Engine) => sql`INSERT INTO "product_versions" ("product_code", "version", "sort_order", "created_at") VALUES (${code}, ${v}, 1, ${e.at(0)})`;
    const sku = (code: string, productCode: string, model: string) => () => sql`INSERT INTO "skus" ("code", "product_code", "pricing_model", "price_fen") VALUES (${code}, ${productCode}, ${model}, 100)`;
    // [what changes, how, whether the public pages show it]
    const changes: [string, (e: Engine) => SQL, boolean][] = [
      ['a region is added', () => sql`INSERT INTO "regions" ("id", "sort_order") VALUES ('cn-beijing', 3)`, true],
      ['a region is reordered', () => sql`UPDATE "regions" SET "sort_order" = 4 WHERE "id" = 'cn-beijing'`, true],
      ['a draft is made', product('draft-1', 'draft'), false],
      ['a draft is edited', () => sql`UPDATE "products" SET "title" = 'Other' WHERE "code" = 'draft-1'`, false],
      ['a draft gets a SKU', sku('sku-d1', 'draft-1', 'hourly'), false],
      ['a draft gets a version', version('draft-1', '1.0'), false],
      ['a draft is listed', () => sql`UPDATE "products" SET "status" = 'listed' WHERE "code" = 'draft-1'`, true],
      ['a listed product gets a SKU', sku('sku-d2', 'draft-1', 'monthly'), true],
      ['a listed SKU is repriced', () => sql`UPDATE "skus" SET "price_fen" = 200 WHERE "code" = 'sku-d2'`, true],
      ['a listed product gets a version', version('draft-1', '2.0'), true],
      ['a listed version is reordered', () => sql`UPDATE "product_versions" SET "sort_order" = 2 WHERE "version" = '2.0'`, true],
      ['a listed version is deleted', () => sql`DELETE FROM "product_versions" WHERE "version" = '2.0'`, true],
      ['a listed SKU is deleted', () => sql`DELETE FROM "skus" WHERE "code" = 'sku-d2'`, true],
      ['another draft with a SKU', product('draft-2', 'draft'), false],
      ['the other draft gets a SKU', sku('sku-d3', 'draft-2', 'hourly'), false],
      ['a SKU moves from a draft to a listed product', () => sql`UPDATE "skus" SET "product_code" = 'draft-1', "pricing_model" = 'yearly' WHERE "code" = 'sku-d3'`, true],
      ['a SKU moves from a listed product to a draft', () => sql`UPDATE "skus" SET "product_code" = 'draft-2' WHERE "code" = 'sku-d3'`, true],
      ['a custom image is made', image('m-custom', 'custom'), false],
      ['a custom image is renamed', () => sql`UPDATE "images" SET "name" = 'Renamed' WHERE "id" = 'm-custom'`, false],
      ['a marketplace image is made', image('m-market', 'marketplace'), true],
      ['a marketplace image changes', () => sql`UPDATE "images" SET "status" = 'Deprecated' WHERE "id" = 'm-market'`, true],
      ['a marketplace image is deleted', () => sql`DELETE FROM "images" WHERE "id" = 'm-market'`, true],
      ['a seller is renamed', () => sql`UPDATE "accounts" SET "name" = 'Seller' WHERE "id" = ${accounts[0]}`, true],
      ['a seller is "renamed" to the same name', () => sql`UPDATE "accounts" SET "name" = 'Seller' WHERE "id" = ${accounts[0]}`, false],
      ['an account changes something else', () => sql`UPDATE "accounts" SET "seller_status" = 'approved' WHERE "id" = ${accounts[0]}`, false],
      ['a listed product is delisted', () => sql`UPDATE "products" SET "status" = 'delisted' WHERE "code" = 'draft-1'`, true],
      ['a product is listed at once', product('listed-1', 'listed'), true],
      ['a listed product is deleted', () => sql`DELETE FROM "products" WHERE "code" = 'listed-1'`, true],
      ['a draft SKU is deleted', () => sql`DELETE FROM "skus" WHERE "code" = 'sku-d3'`, false],
      ['a draft is deleted', () => sql`DELETE FROM "products" WHERE "code" = 'draft-2'`, false],
      ['a region is removed', () => sql`DELETE FROM "regions" WHERE "id" = 'cn-beijing'`, true],
    ];
    const revision = async (e: Engine) => Number((await e.all<{ revision: number }>(sql`SELECT revision FROM marketplace_revision WHERE id = 1`))[0].revision);
    const bumps = new Map(engines.map((e) => [e.name, [] as string[]]));
    for (const [what, change] of changes) {
      for (const e of engines) {
        const before = await revision(e);
        await e.run(change(e));
        if ((await revision(e)) !== before) bumps.get(e.name)!.push(what);
      }
    }
    const shown = changes.filter(([, , isShown]) => isShown).map(([what]) => what);
    expect(bumps.get('sqlite')).toEqual(shown);
    expect(bumps.get('postgres')).toEqual(shown);
  });
});
