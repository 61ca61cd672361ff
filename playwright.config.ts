import { defineConfig } from '@playwright/test';

// scripts/test.ts chooses a free port and a throwaway data directory; run alone, these defaults apply.
const port = Number(process.env.E2E_PORT ?? 3999);
const dataDir = process.env.E2E_DATA_DIR ?? '/tmp/stratus-e2e';
// The tests' own processes (workers inherit it) write fixtures through the services: into the
// server's data directory, so its storage and its auth secret are theirs too.
process.env.STRATUS_DATA_DIR = dataDir;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'e2e', testIgnore: /global-settings\.spec\.ts/ },
    // Platform-wide settings change there: alone, after every other test, so none sees them move.
    { name: 'global-settings', testMatch: /global-settings\.spec\.ts/, dependencies: ['e2e'] },
  ],
  webServer: {
    command: 'npx tsx scripts/start.ts',
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), STRATUS_MODE: 'test', STRATUS_DATA_DIR: dataDir, STRATUS_BOOT_SECONDS: '1', NEXT_TELEMETRY_DISABLED: '1' },
  },
});
