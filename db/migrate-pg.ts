// Applies the PostgreSQL migrations (db/migrations-pg) to a database (issue 15); `npm start` and
// `npm run db:migrate` call it. Safe to run again: the migrator records what it applied (in
// drizzle.__drizzle_migrations) and skips it.
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// From the working directory, as db/client.ts finds SQLite's (a bundle has no module path of its own).
export const pgMigrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations-pg');

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
