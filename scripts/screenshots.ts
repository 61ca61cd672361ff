// `npm run screenshots`: signs in as the demo buyer on a running demo server (BASE_URL,
// default http://localhost:3000) and saves the README's pictures to docs/screenshots/.
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const out = 'docs/screenshots';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });

await page.goto(`${base}/sign-in`);
await page.screenshot({ path: `${out}/sign-in.png` });
await page.getByRole('button', { name: 'Use' }).first().click();
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/\/console\/instances/);

if ((await page.locator('tr[data-instance-id]').count()) === 0) {
  for (const [image, type, amount, name] of [[/Ubuntu 24\.04/, /ecs\.g7\.large/, '3', 'web'], [/Debian 12/, /ecs\.r7\.large/, '1', 'db-primary']] as const) {
    await page.goto(`${base}/console/instances/new`);
    await page.getByRole('radio', { name: image }).check();
    await page.getByRole('radio', { name: type }).check();
    await page.getByRole('spinbutton', { name: 'Amount' }).fill(amount);
    await page.getByRole('textbox', { name: 'Instance name' }).fill(name);
    await page.getByRole('button', { name: /^Launch \d/ }).click();
    await page.waitForURL(/launched=/);
  }
  await page.locator('[data-status="Pending"]').first().waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('tr', { hasText: 'web-003' }).getByRole('button', { name: 'Stop' }).click();
  await page.locator('tr', { hasText: 'web-003' }).locator('[data-status="Stopped"]').waitFor();
}
await page.goto(`${base}/console/instances`);
await page.screenshot({ path: `${out}/instances.png` });
await page.goto(`${base}/console/instances/new`);
await page.getByRole('radio', { name: /Ubuntu 22\.04/ }).check();
await page.screenshot({ path: `${out}/launch-wizard.png`, fullPage: true });
await browser.close();
console.log(`Screenshots written to ${out}/`);
