// `npm run db:migrate`: brings the configured database's schema up to date (the SQLite file, or
// the PostgreSQL database DATABASE_URL names), without seeding or serving. `npm start` does the
// same first; this is for an operator who upgrades several app servers: migrate once, then restart them.
import { applyMigrations, closeDatabase, primaryDb } from '../db/client';
import { postgresUrl } from '../db/engine';
import { config } from '../lib/config';

const db = primaryDb();
await applyMigrations(db);
await closeDatabase(db);
console.log(`Migrations applied to ${postgresUrl ? new URL(postgresUrl).pathname.slice(1) || 'the default database' : config.databaseFile}.`);
