import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { buyOneTime, demoAdmin, launchFromWizard, screenshotPath, signInAs, signUp, topUp, useServerDatabase } from './helpers';

// Issue 16 (feedback and forms, seller pages): a refused form keeps everything typed and marks
// every field at once; the seller centre shows a listed product's regions, each call's tries
// and the settlement as a CSV download; a frozen instance says what its owner can do.

const phone = { width: 390, height: 844 };
const desktop = { width: 1440, height: 900 };

/** The page at 1440×900 and at 390×844, full length, from the top. */
async function screenshots(page: Page, name: string) {
  for (const [size, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath(`i16-${name}-${size}`), fullPage: true });
  }
  await page.setViewportSize(desktop);
}

test.use({ viewport: desktop });

test('a refused new product keeps every field, and a refused price keeps its ticked pricing models', async ({ page }) => {
  await signInAs(page, 'seller@stratus.local', '/seller/products/new');
  const title = `E2E Hardened Nginx ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Category').selectOption({ index: 1 });
  await page.getByLabel('Summary (one line on the product card)').fill('Nginx with a CIS baseline.');
  await page.getByLabel('Description').fill('Hardened Nginx, auditd and fail2ban, ready to serve.');
  await page.getByLabel('Production interface URL').fill('http://seller.example.com/stratus');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByText('The interface URL must use HTTPS.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByLabel('Summary (one line on the product card)')).toHaveValue('Nginx with a CIS baseline.');
  await expect(page.getByLabel('Description')).toHaveValue('Hardened Nginx, auditd and fail2ban, ready to serve.');
  await expect(page.getByLabel('Production interface URL')).toHaveValue('http://seller.example.com/stratus');
  await expect(page.getByLabel('Category')).not.toHaveValue('');
  await screenshots(page, 'new-product-refused');

  await page.getByLabel('Production interface URL').fill('https://seller.example.com/stratus');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/seller\/products\/[a-z0-9]+$/);
  await page.waitForLoadState('networkidle');
  await page.getByRole('checkbox', { name: 'Pay by the hour' }).check();
  await page.getByLabel('Price for Pay by the hour').fill('abc');
  await page.getByRole('checkbox', { name: 'Monthly' }).check();
  await page.getByLabel('Price for Monthly').fill('30');
  await page.getByRole('button', { name: 'Save prices' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Pay by the hour' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Monthly' })).toBeChecked();
  await expect(page.getByLabel('Price for Pay by the hour')).toHaveValue('abc');
  await expect(page.getByLabel('Price for Monthly')).toHaveValue('30');
});

test('sign-up marks every field that is wrong at once, in the user’s words', async ({ page }) => {
  await page.goto('/sign-up');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Enter a password.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  await screenshots(page, 'sign-up-refused');
});

test('the seller centre: a listed product’s regions, the calls’ tries, the settlement as CSV', async ({ page }) => {
  await signInAs(page, 'seller@stratus.local', '/seller/products/lnmp000101');
  const versions = page.locator('li[data-version]');
  await expect(versions.first()).toBeVisible();
  for (const version of await versions.all()) await expect(version).not.toContainText('No region yet');
  await expect(versions.first()).toContainText('Hangzhou');
  await screenshots(page, 'seller-product-regions');

  // A sale of lnmp000101 made while it had an interface URL, which is then taken away again (the
  // seeded catalogue has none): its call fails ("no interface URL") and is retried.
  const db = await useServerDatabase();
  const { eq } = await import('drizzle-orm');
  const { products } = await import('../db/schema');
  const interfaceOf = async (url: string | null) => await db.update(products).set({ interfaceUrl: url }).where(eq(products.code, 'lnmp000101'));
  const buyer = await (await page.context().browser()!.newContext()).newPage();
  await signUp(buyer, 'deliveries');
  await topUp(buyer, 200);
  await interfaceOf('https://seller.example.test/stratus');
  try {
    await buyOneTime(buyer, 'lnmp000101');
  } finally {
    await interfaceOf(null);
  }
  await page.goto('/seller/deliveries?status=pending');
  const retried = page.locator('tr[data-delivery-id]').first();
  await expect(async () => {
    await page.reload();
    await expect(retried.getByTestId('delivery-tries')).not.toHaveText('0', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(retried).toContainText('Next try');
  const tries = (await retried.getByTestId('delivery-tries').textContent())!.trim();
  await screenshots(page, 'seller-deliveries');
  await retried.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${tries} attempts?$`) })).toBeVisible();
  await expect(page.getByText(/^Next try /)).toBeVisible();
  await screenshots(page, 'seller-delivery');

  await page.goto('/seller/settlement');
  const download = page.waitForEvent('download');
  await page.getByTestId('settlement-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^settlement-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('Month,Product code,Product,Orders');
  expect(csv).toContain('jmla000107');
  await screenshots(page, 'seller-settlement');
});

test('a frozen instance says why and what its owner can do; an instance can be renamed', async ({ page }) => {
  await signUp(page, 'frozen');
  await launchFromWizard(page, { amount: 1, name: 'to-freeze' });
  const row = page.locator('tr', { hasText: 'to-freeze' });
  await expect(row.locator('[data-status="Running"]')).toBeVisible();
  await row.getByRole('link', { name: 'to-freeze' }).click();
  await page.waitForLoadState('networkidle');

  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('9 not valid');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('9 not valid');
  await expect(dialog).toContainText('The instance name must be');
  await dialog.getByLabel('Name').fill('frozen-shop');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('frozen-shop');
  await expect(page.locator('dd a[href^="/console/images/"]')).toBeVisible();

  const instanceId = page.url().split('/').pop()!;
  const { freezeInstance } = await import('../lib/services/freezes');
  await freezeInstance(await demoAdmin(), instanceId, { note: 'Outbound spam reported on 1 December; write to abuse@stratus.local.' });
  await page.reload();
  const notice = page.getByTestId('frozen-notice');
  await expect(notice).toContainText('Outbound spam reported on 1 December');
  await expect(notice).toContainText('Contact support');
  await expect(page.getByRole('button', { name: 'Replace system disk' })).toHaveCount(0);
  await screenshots(page, 'instance-frozen');
});
