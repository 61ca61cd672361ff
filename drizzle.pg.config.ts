// drizzle-kit for PostgreSQL (issue 15): `npx drizzle-kit generate --config drizzle.pg.config.ts`
// writes db/migrations-pg from db/schema.pg.ts; db/migrate-pg.ts applies them.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.pg.ts',
  out: './db/migrations-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/stratus' },
});
