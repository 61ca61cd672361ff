// Migrate (whichever engine is configured: SQLite's file, or DATABASE_URL's PostgreSQL), seed reference data, and in demo/test mode seed the demo people and write their
// credentials to <data dir>/demo-credentials.json. Safe to run on every start.
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations, getDb } from '../db/client';
import { postgresUrl } from '../db/engine';
import { seedCatalogue } from '../lib/seed/catalogue';
import { seedDemo, type DemoCredential } from '../lib/seed/demo';
import { config } from '../lib/config';
import { writePrivateFile } from '../lib/private-files';

export async function prepareDatabase(): Promise<DemoCredential[]> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = getDb();
  await applyMigrations(db);
  await seedCatalogue(db);
  if (config.mode === 'production') return [];
  const demo = await seedDemo(db);
  writePrivateFile(path.join(config.dataDir, 'demo-credentials.json'), JSON.stringify({ users: demo }, null, 2) + '\n');
  return demo;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const demo = await prepareDatabase();
  console.log(`Database ready at ${postgresUrl ? new URL(postgresUrl).host + new URL(postgresUrl).pathname : config.databaseFile}${demo.length ? ` with ${demo.length} demo users` : ''}.`);
}
