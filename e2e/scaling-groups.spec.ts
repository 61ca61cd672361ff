// MKT-9, issue 17's journey: a group of a product-coded image with max 5 while the buyer holds
// 2 licenses shows the shortfall of 3 and its cost; with "buy on scale-out" and a cap, desired 4
// buys the 2 it lacks; scaling in to 1 returns 3 licenses to the pool.
import { expect, test } from '@playwright/test';
import { buyOneTime, screenshotPath, signUp, topUp, useServerDatabase } from './helpers';

const LNMP = 'lnmp000101'; // one-time licenses ¥99.00

async function lnmpImage(): Promise<string> {
  const db = await useServerDatabase();
  const { and, desc, eq } = await import('drizzle-orm');
  const { images } = await import('../db/schema');
  return (await db.select().from(images).where(and(eq(images.productCode, LNMP), eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'marketplace'))).orderBy(desc(images.productVersion)).limit(1)).at(0)!.id;
}

// The browser's own zone is not China's, so a time typed in a form must still be read as China time.
test.use({ timezoneId: 'UTC' });

test('MKT-9: shortfall for max, buy on scale-out within a cap, scale in returns licenses to the pool', async ({ page, browser }) => {
  await signUp(page, 'scaling');
  await topUp(page, 1000);
  await buyOneTime(page, LNMP, 2);

  await page.goto(`/console/scaling/new?image=${await lnmpImage()}`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name').fill('web-pool');
  await page.getByLabel('Maximum').fill('5');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: screenshotPath('scaling-group-new'), fullPage: true });
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page).toHaveURL(/\/console\/scaling\/asg-/);

  const pool = page.getByTestId('license-pool');
  await expect(pool.getByTestId('pool-needed')).toHaveText('5');
  await expect(pool.getByTestId('pool-available')).toHaveText('2');
  await expect(pool.getByTestId('pool-shortfall')).toHaveText('3');
  await expect(pool.getByTestId('pool-cost')).toHaveText('¥297.00');
  await page.screenshot({ path: screenshotPath('scaling-group-pool'), fullPage: true });

  // The reservation is reviewed before money moves; here the owner chooses to buy on scale-out instead.
  await pool.getByRole('button', { name: 'Review ¥297.00' }).click();
  const review = page.getByRole('dialog', { name: 'Reserve licenses for the maximum' });
  await expect(review.getByTestId('reserve-total')).toHaveText('¥297.00');
  // Issue 16: the same facts as every order review: the unit price and the balance after (¥1,000 less two licenses, less three).
  await expect(review.getByTestId('reserve-unitPrice')).toHaveText('¥99.00');
  await expect(review.getByTestId('reserve-balanceAfter')).toHaveText('¥505.00 (now ¥802.00)');
  await page.screenshot({ path: screenshotPath('scaling-group-reserve-review') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath('scaling-group-reserve-review-phone') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await review.getByRole('button', { name: 'Cancel' }).click();

  // Issue 16: a refused cap stays as typed, with its reason; a saved one is toasted.
  await pool.getByLabel('Spending cap (¥)').fill('lots');
  await pool.getByRole('button', { name: 'Use buy on scale-out' }).click();
  await expect(pool.getByLabel('Spending cap (¥)')).toHaveAttribute('aria-invalid', 'true');
  await expect(pool.getByLabel('Spending cap (¥)')).toHaveValue('lots');
  await expect(page.getByText('Not done: the reason is on the page')).toBeVisible();
  await pool.getByLabel('Spending cap (¥)').fill('198');
  await pool.getByRole('button', { name: 'Use buy on scale-out' }).click();
  await expect(pool.getByRole('status')).toContainText('¥198.00');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // A desired capacity above the maximum is refused and stays in the field.
  await page.getByLabel('Set desired capacity').fill('9');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByLabel('Set desired capacity')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Set desired capacity')).toHaveValue('9');

  await page.getByLabel('Set desired capacity').fill('4');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('tr[data-member]')).toHaveCount(4);
  await expect(page.getByTestId('group-spent')).toHaveText('¥198.00 of ¥198.00');
  await expect(pool.getByTestId('pool-held')).toHaveText('4');
  await expect(pool.getByTestId('pool-available')).toHaveText('0');
  await expect(page.locator('tr[data-activity="ok"]').first()).toContainText('+4');

  await page.getByLabel('Set desired capacity').fill('1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('tr[data-member]')).toHaveCount(1);
  await expect(pool.getByTestId('pool-held')).toHaveText('1');
  await expect(pool.getByTestId('pool-available')).toHaveText('3');
  await expect(page.locator('tr[data-activity="ok"]').first()).toContainText('−3');
  // A scheduled action waits for its time (the sweep's run of it is tested on the movable clock in the service tests).
  await page.getByLabel('When', { exact: true }).fill('2099-01-01T08:00');
  await page.getByLabel('Desired', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.locator('li[data-schedule="waiting"]')).toContainText('Set desired to 2');
  // Issue 16: typed as China time, as the page shows it — not the browser's (UTC here) 08:00, which would read 4:00 PM.
  await expect(page.locator('li[data-schedule="waiting"]')).toContainText('Jan 1, 2099, 8:00:00 AM');
  await page.screenshot({ path: screenshotPath('scaling-group-detail'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath('scaling-group-phone'), fullPage: true });

  await page.goto('/console/licenses');
  await expect(page.getByText(/3 available|available.*3/i).first()).toBeVisible();
  await page.goto('/console/scaling');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.locator('tr[data-group="web-pool"]')).toContainText('0 / 1 / 5');
  await page.screenshot({ path: screenshotPath('scaling-groups') });

  // Another account: the group's page is not found, and its list shows nothing of it.
  const groupUrl = (await page.locator('tr[data-group="web-pool"] a').getAttribute('href'))!;
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await signUp(other, 'scaling-stranger');
  expect((await other.goto(groupUrl))?.status()).toBe(404);
  await other.goto('/console/scaling');
  expect(await other.content()).not.toContain('web-pool');
  await stranger.close();
});

test('MKT-9: a group on an hourly plan is offered no reservation, and its pool says why', async ({ page }) => {
  await signUp(page, 'scaling-hourly');
  await page.goto(`/console/scaling/new?image=${await lnmpImage()}`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name').fill('web-hourly');
  await page.getByLabel('Maximum').fill('3');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page).toHaveURL(/\/console\/scaling\/asg-/);
  // The wizard takes the one-time plan; the group is put on the product's hourly plan, as the API's SkuCode may.
  const db = await useServerDatabase();
  const { and, eq } = await import('drizzle-orm');
  const { scalingGroups, skus } = await import('../db/schema');
  const hourly = (await db.select().from(skus).where(and(eq(skus.productCode, LNMP), eq(skus.pricingModel, 'hourly'))).limit(1)).at(0)!;
  await db.update(scalingGroups).set({ skuCode: hourly.code }).where(eq(scalingGroups.id, page.url().split('/').pop()!));
  await page.reload();
  const pool = page.getByTestId('license-pool');
  await expect(pool.getByTestId('pool-shortfall')).toHaveText('3');
  await expect(pool.getByTestId('reserve-hourly')).toContainText('billed by the hour');
  await expect(pool.getByTestId('pool-cost')).toHaveText('Billed by the hour');
  await expect(pool.getByRole('button', { name: /^Review/ })).toHaveCount(0);
  await expect(pool.getByRole('button', { name: 'Use buy on scale-out' })).toBeVisible();
  await pool.screenshot({ path: screenshotPath('scaling-group-hourly-pool') });
});
