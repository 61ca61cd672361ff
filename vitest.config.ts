import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const dataDir = path.join(os.tmpdir(), 'stratus-vitest-data');

// Issue 15: the service, job, auth and API suites run on both engines. On PostgreSQL each test
// file gets a migrated database of its own on the run's server (tests/helpers/database.ts);
// DATABASE_URL only has to say postgres, so that db/engine.ts picks PostgreSQL's tables.
const bothEngines = ['lib/services/**/*.test.ts', 'lib/ecs-api/**/*.test.ts', 'lib/jobs/**/*.test.ts', 'lib/auth/**/*.test.ts', 'tests/authz/**/*.test.ts', 'tests/routes/**/*.test.ts'];
// What is SQLite's own, each with its PostgreSQL counterpart: its query plans (PostgreSQL plans
// with statistics); the one-writer turn and the reader beside it (transaction.test.ts; PostgreSQL
// transactions each take a pooled connection); the interleaving that stands in for READ COMMITTED
// (real PostgreSQL races in db/portable.test.ts and count-locks.test.ts, and the launch, quota and
// worker races run on both); and files that already compare both engines themselves.
const sqliteOnly = ['lib/services/query-plans.test.ts', 'lib/services/transaction.test.ts', 'lib/services/license-bind-race.test.ts', 'lib/services/product-search.test.ts', 'lib/services/count-locks.test.ts'];

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    // Issue 15: the PostgreSQL tests of a run share one server, started on first use and stopped at the end.
    globalSetup: ['tests/helpers/postgres-setup.ts'],
    // Each file gets its own throwaway database (tests/helpers/database.ts); files run in parallel.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on this 2-core machine.
    maxWorkers: 2,
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'i18n/**/*.test.ts', 'tests/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: ['**/*.postgres.test.ts'],
          // Nothing a test writes lands in the repository's data directory.
          env: { STRATUS_DATA_DIR: dataDir },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...bothEngines, '**/*.postgres.test.ts'],
          exclude: sqliteOnly,
          env: { STRATUS_DATA_DIR: dataDir, DATABASE_URL: 'postgres://each-test-file-gets-its-own-database' },
        },
      },
    ],
  },
});
