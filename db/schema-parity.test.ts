// Issue 15: the PostgreSQL schema (db/schema.pg.ts) is the SQLite one (db/schema.ts) table by
// table — the same exports, tables, columns (JS key, name, type, nullability, default), primary
// keys, foreign keys, indexes and unique constraints — so a change made to one file only fails here.
import { getTableColumns, getTableName, is, SQL, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgDialect, PgTable, pgTable, text as pgText } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable, sqliteTable, text as sqliteText } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from './schema.pg';
import * as sqliteSchema from './schema.sqlite';

/**
 * The one deliberate difference: the search text. SQLite keeps it in products_fts, an FTS5 virtual
 * table written by hand in db/migrations/0002 and so not in db/schema.ts; PostgreSQL in
 * products_search (pg_trgm), declared in db/schema.pg.ts. lib/services/product-search.ts alone
 * uses either, and its test shows both answer the same queries with the same products.
 */
const POSTGRES_ONLY = new Set(['productsSearch']);

const sqliteTables = new Map((Object.entries(sqliteSchema) as [string, unknown][]).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable)));
const pgTables = new Map((Object.entries(pgSchema) as [string, unknown][]).filter((entry): entry is [string, PgTable] => is(entry[1], PgTable) && !POSTGRES_ONLY.has(entry[0])));

/** Each SQLite column type and the PostgreSQL types that store the same values. */
const TYPES = new Map([
  ['SQLiteText', ['PgText']],
  ['SQLiteTextJson', ['PgJsonb']],
  ['SQLiteBoolean', ['PgBoolean']],
  ['SQLiteTimestamp', ['PgTimestamp']], // timestamptz read as Date, as timestamp_ms is
  ['SQLiteInteger', ['PgInteger', 'PgBigInt53']],
]);

/** SQL as comparable text: no quotes, no table prefix, one case, single spaces. */
function comparable(chunk: SQL, dialect: SQLiteSyncDialect | PgDialect, table: string): string {
  return dialect
    .sqlToQuery(chunk)
    .sql.replace(/[`"]/g, '')
    .replaceAll(`${table}.`, '')
    .replace(/::jsonb$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

type Named = { name: string };
/** What the test reads of a table's config; sqlite-core's and pg-core's both have this shape. */
type Config = {
  name: string;
  primaryKeys: { columns: Named[] }[];
  foreignKeys: { reference(): { columns: Named[]; foreignTable: Table; foreignColumns: Named[] }; onDelete?: string; onUpdate?: string }[];
  indexes: { config: { name?: string; unique: boolean; columns: unknown[]; where?: SQL } }[];
  uniqueConstraints: { name?: string; columns: Named[] }[];
  checks: Named[];
};
type Dialect = { config(table: Table): Config; sql: SQLiteSyncDialect | PgDialect };

const SQLITE: Dialect = { config: (t) => sqliteConfig(t as SQLiteTable), sql: new SQLiteSyncDialect() };
const POSTGRES: Dialect = { config: (t) => pgConfig(t as PgTable), sql: new PgDialect() };

function describeTable(table: Table, dialect: Dialect) {
  const config = dialect.config(table);
  const text = (chunk: SQL) => comparable(chunk, dialect.sql, config.name);
  const names = (columns: Named[]) => columns.map((c) => c.name);
  return {
    name: config.name,
    columns: Object.entries(getTableColumns(table)).map(([key, c]) => ({
      key,
      name: c.name,
      type: c.columnType,
      notNull: c.notNull,
      primary: c.primary,
      // A column's own .unique() is not among the table's unique constraints; its enum is its type in TypeScript.
      unique: c.isUnique ? (c.uniqueName ?? true) : false,
      enumValues: c.enumValues,
      // An id the database fills in (SQLite's autoincrement, a PostgreSQL identity) has a default.
      hasDefault: c.default !== undefined || c.generatedIdentity !== undefined || (c as { autoIncrement?: boolean }).autoIncrement === true,
      default: is(c.default, SQL) ? text(c.default) : c.default,
    })),
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    foreignKeys: config.foreignKeys.map((fk) => {
      const { columns, foreignTable, foreignColumns } = fk.reference();
      return { columns: names(columns), table: getTableName(foreignTable), foreignColumns: names(foreignColumns), onDelete: fk.onDelete ?? 'no action', onUpdate: fk.onUpdate ?? 'no action' };
    }),
    indexes: config.indexes.map(({ config: index }) => ({
      name: index.name,
      unique: index.unique,
      // A column, a pg-core column with its order, or SQL (SQLite's "created_at DESC").
      columns: index.columns.map((c) => {
        if (is(c, SQL)) return text(c);
        const { name, indexConfig } = c as Named & { indexConfig?: { order?: string } };
        return indexConfig?.order === 'desc' ? `${name} desc` : name;
      }),
      where: index.where && text(index.where),
    })),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: names(u.columns) })),
    checks: names(config.checks),
  };
}

/** Types differ by dialect; the parity test compares them apart. */
const withoutTypes = (d: ReturnType<typeof describeTable>) => ({ ...d, columns: d.columns.map(({ type: _, ...rest }) => rest) });

describe('the PostgreSQL schema mirrors the SQLite schema (issue 15)', () => {
  it('exports the same tables under the same names, and the search table on PostgreSQL only', () => {
    expect([...POSTGRES_ONLY].filter((key) => !is((pgSchema as Record<string, unknown>)[key], PgTable))).toEqual([]);
    expect([...POSTGRES_ONLY].filter((key) => key in sqliteSchema)).toEqual([]);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(40);
  });

  it.each([...sqliteTables.keys()])('%s: same columns, keys, foreign keys, indexes and unique constraints', (key) => {
    const sqlite = describeTable(sqliteTables.get(key)!, SQLITE);
    const postgres = describeTable(pgTables.get(key)!, POSTGRES);
    // Types differ by dialect: each PostgreSQL type must be one that holds the SQLite column's values.
    for (const [i, column] of sqlite.columns.entries()) {
      const pgType = postgres.columns[i]?.type;
      expect(TYPES.get(column.type), `${key}.${column.key}: ${column.type} → ${pgType}`).toContain(pgType);
    }
    expect(withoutTypes(postgres)).toEqual(withoutTypes(sqlite));
  });

  it('tells apart what a column declares on its own: a unique constraint, an enum', () => {
    const lite = describeTable(sqliteTable('t', { code: sqliteText('code').unique(), kind: sqliteText('kind', { enum: ['a', 'b'] }) }), SQLITE);
    const same = describeTable(pgTable('t', { code: pgText('code').unique(), kind: pgText('kind', { enum: ['a', 'b'] }) }), POSTGRES);
    expect(withoutTypes(same)).toEqual(withoutTypes(lite));
    expect(withoutTypes(describeTable(pgTable('t', { code: pgText('code'), kind: pgText('kind', { enum: ['a', 'b'] }) }), POSTGRES))).not.toEqual(withoutTypes(lite));
    expect(withoutTypes(describeTable(pgTable('t', { code: pgText('code').unique(), kind: pgText('kind', { enum: ['a'] }) }), POSTGRES))).not.toEqual(withoutTypes(lite));
  });

  it('stores every time as timestamptz read as a Date', () => {
    for (const table of pgTables.values()) {
      for (const column of pgConfig(table).columns.filter((c) => c.columnType === 'PgTimestamp')) {
        expect({ column: column.name, sqlType: column.getSQLType(), dataType: column.dataType }).toEqual({ column: column.name, sqlType: 'timestamp with time zone', dataType: 'date' });
      }
    }
  });
});
