import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'i18n/**/*.test.ts', 'tests/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    // Issue 15: the PostgreSQL tests of a run share one server, started on first use and stopped at the end.
    globalSetup: ['tests/helpers/postgres-setup.ts'],
    // Each file gets its own throwaway database (tests/helpers/database.ts); files run in parallel.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on this 2-core machine.
    maxWorkers: 2,
    // Nothing a test writes lands in the repository's data directory.
    env: { STRATUS_DATA_DIR: path.join(os.tmpdir(), 'stratus-vitest-data') },
    testTimeout: 20_000,
  },
});
