import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'i18n/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Each file gets its own throwaway database (tests/helpers/database.ts); files run in parallel.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
