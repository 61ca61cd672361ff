// Issue 15: the PostgreSQL schema (db/schema.pg.ts) is the SQLite one (db/schema.ts) table by
// table — the same exports, tables, columns (JS key, name, type, nullability, default), primary
// keys, foreign keys, indexes and unique constraints — so a change made to one file only fails here.
import { getTableColumns, is, SQL } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from './schema.pg';
import * as sqliteSchema from './schema';

const sqliteTables = new Map((Object.entries(sqliteSchema) as [string, unknown][]).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable)));
const pgTables = new Map((Object.entries(pgSchema) as [string, unknown][]).filter((entry): entry is [string, PgTable] => is(entry[1], PgTable)));

/** Each SQLite column type and the PostgreSQL types that store the same values. */
const TYPES = new Map([
  ['SQLiteText', ['PgText']],
  ['SQLiteTextJson', ['PgJsonb']],
  ['SQLiteBoolean', ['PgBoolean']],
  ['SQLiteTimestamp', ['PgTimestamp']], // timestamptz read as Date, as timestamp_ms is
  ['SQLiteInteger', ['PgInteger', 'PgBigInt53']],
]);

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/** SQL as comparable text: no quotes, no table prefix, one case, single spaces. */
function text(chunk: SQL, dialect: SQLiteSyncDialect | PgDialect, table: string): string {
  return dialect
    .sqlToQuery(chunk)
    .sql.replace(/[`"]/g, '')
    .replaceAll(`${table}.`, '')
    .replace(/::jsonb$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const defaultOf = (value: unknown, dialect: SQLiteSyncDialect | PgDialect, table: string) => (is(value, SQL) ? text(value, dialect, table) : value);

function describeSqlite(table: SQLiteTable) {
  const config = sqliteConfig(table);
  return {
    name: config.name,
    columns: Object.entries(getTableColumns(table)).map(([key, c]) => ({
      key,
      name: c.name,
      type: c.columnType,
      notNull: c.notNull,
      primary: c.primary,
      // An autoincrement id is filled in by the database: it has a default.
      hasDefault: c.default !== undefined || (c as { autoIncrement?: boolean }).autoIncrement === true,
      default: defaultOf(c.default, sqliteDialect, config.name),
    })),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys.map((fk) => {
      const { columns, foreignTable, foreignColumns } = fk.reference();
      return { columns: columns.map((c) => c.name), table: sqliteConfig(foreignTable).name, foreignColumns: foreignColumns.map((c) => c.name), onDelete: fk.onDelete ?? 'no action', onUpdate: fk.onUpdate ?? 'no action' };
    }),
    indexes: config.indexes.map(({ config: index }) => ({
      name: index.name,
      unique: index.unique,
      columns: index.columns.map((c) => (is(c, SQL) ? text(c, sqliteDialect, config.name) : c.name)),
      where: index.where && text(index.where, sqliteDialect, config.name),
    })),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: u.columns.map((c) => c.name) })),
    checks: config.checks.map((c) => c.name),
  };
}

const pgIndexColumn = (c: unknown, table: string) => {
  if (is(c, SQL)) return text(c, pgDialect, table);
  const { name, indexConfig } = c as { name: string; indexConfig?: { order?: string } };
  return indexConfig?.order === 'desc' ? `${name} desc` : name;
};

function describePg(table: PgTable) {
  const config = pgConfig(table);
  return {
    name: config.name,
    columns: Object.entries(getTableColumns(table)).map(([key, c]) => ({
      key,
      name: c.name,
      type: c.columnType,
      notNull: c.notNull,
      primary: c.primary,
      hasDefault: c.default !== undefined || c.generatedIdentity !== undefined,
      default: defaultOf(c.default, pgDialect, config.name),
    })),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys.map((fk) => {
      const { columns, foreignTable, foreignColumns } = fk.reference();
      return { columns: columns.map((c) => c.name), table: pgConfig(foreignTable).name, foreignColumns: foreignColumns.map((c) => c.name), onDelete: fk.onDelete ?? 'no action', onUpdate: fk.onUpdate ?? 'no action' };
    }),
    indexes: config.indexes.map(({ config: index }) => ({
      name: index.name,
      unique: index.unique,
      columns: index.columns.map((c) => pgIndexColumn(c, config.name)),
      where: index.where && text(index.where, pgDialect, config.name),
    })),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: u.columns.map((c) => c.name) })),
    checks: config.checks.map((c) => c.name),
  };
}

describe('the PostgreSQL schema mirrors the SQLite schema (issue 15)', () => {
  it('exports the same tables under the same names', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(40);
  });

  it.each([...sqliteTables.keys()])('%s: same columns, keys, foreign keys, indexes and unique constraints', (key) => {
    const sqlite = describeSqlite(sqliteTables.get(key)!);
    const postgres = describePg(pgTables.get(key)!);
    // Types differ by dialect: each PostgreSQL type must be one that holds the SQLite column's values.
    for (const [i, column] of sqlite.columns.entries()) {
      const pgType = postgres.columns[i]?.type;
      expect(TYPES.get(column.type), `${key}.${column.key}: ${column.type} → ${pgType}`).toContain(pgType);
    }
    const withoutTypes = (d: typeof sqlite | typeof postgres) => ({ ...d, columns: d.columns.map(({ type: _, ...rest }) => rest) });
    expect(withoutTypes(postgres)).toEqual(withoutTypes(sqlite));
  });

  it('stores every time as timestamptz read as a Date', () => {
    for (const table of pgTables.values()) {
      for (const column of pgConfig(table).columns.filter((c) => c.columnType === 'PgTimestamp')) {
        expect({ column: column.name, sqlType: column.getSQLType(), dataType: column.dataType }).toEqual({ column: column.name, sqlType: 'timestamp with time zone', dataType: 'date' });
      }
    }
  });
});
