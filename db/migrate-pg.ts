// Applies the PostgreSQL migrations (db/migrations-pg) to a database (issue 15). Also a command:
// `DATABASE_URL=postgres://user@host/stratus npx tsx db/migrate-pg.ts`. Safe to run again: the
// migrator records what it applied (in drizzle.__drizzle_migrations) and skips it.
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const pgMigrationsFolder = path.resolve(import.meta.dirname, 'migrations-pg');

export async function migratePostgres(url: string): Promise<void> {
  // One connection: the migrator runs every pending migration in one transaction.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder });
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres')) {
    console.error('Set DATABASE_URL to the PostgreSQL database to migrate, e.g. DATABASE_URL=postgres://stratus@127.0.0.1:5432/stratus');
    process.exit(1);
  }
  await migratePostgres(url);
  console.log(`PostgreSQL migrations applied to ${new URL(url).pathname.slice(1) || 'the default database'}.`);
}
