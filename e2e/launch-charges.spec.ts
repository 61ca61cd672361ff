import { expect, test, type Locator, type Page } from '@playwright/test';
import { screenshotPath, signUp, topUp } from './helpers';

/** The summary at 1440×900 and 390×844; the phone size stays on. */
async function shoot(page: Page, summary: Locator, name: string) {
  for (const [width, height, suffix] of [[1440, 900, ''], [390, 844, '-phone']] as const) {
    await page.setViewportSize({ width, height });
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`${name}${suffix}`) });
  }
}

// Issue 16: the launch summary shows every line the launch charges. The LNMP image by the hour
// is ¥0.20 an hour on top of ¥0.12 of compute (the old summary said ¥0.12); the one-time license
// bought for the launch is in the summary, not only in the button.
test('the launch summary lists compute, the hourly image fee, the licenses bought and the totals', async ({ page }) => {
  await signUp(page, 'charges');
  await topUp(page, 500);
  await page.goto('/console/instances/new?region=cn-hangzhou');
  await page.waitForLoadState('networkidle');
  await page.getByRole('tab', { name: 'Marketplace' }).click();
  await page.getByRole('searchbox', { name: 'Filter images by name, product or platform' }).fill('LNMP');
  await page.getByRole('radio', { name: /LNMP Stack/ }).first().check();
  await page.getByRole('radio', { name: /ecs\.t6-c1m1\.large/ }).check();

  const summary = page.getByTestId('launch-charges');
  await page.getByRole('radio', { name: /Pay by the hour instead/ }).check();
  await expect(summary.getByTestId('charge-compute')).toContainText('¥0.12/hour');
  await expect(summary.getByTestId('charge-imageFee')).toContainText('¥0.20/hour');
  await expect(summary.getByTestId('hourly-total')).toHaveText('¥0.32/hour');
  await expect(summary.getByTestId('balance-after')).toHaveText('¥500.00');
  await shoot(page, summary, 'launch-charges-hourly');
  // A launch that buys a license, even by the hour, is reviewed first; Cancel launches nothing.
  await page.getByRole('button', { name: 'Launch 1 instance' }).click();
  const review = page.getByRole('dialog', { name: 'Review the launch' });
  await expect(review.getByTestId('hourly-total')).toHaveText('¥0.32/hour');
  await page.screenshot({ path: screenshotPath('launch-review-hourly-phone') });
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toBeHidden();
  await expect(page).toHaveURL(/\/console\/instances\/new/);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('radio', { name: /Buy the missing license/ }).check();
  await expect(summary.getByTestId('charge-licenses')).toContainText('One-time licenses: 1 × ¥99.00');
  await expect(summary.getByTestId('charge-imageFee')).toHaveCount(0);
  await expect(summary.getByTestId('hourly-total')).toHaveText('¥0.12/hour');
  await expect(summary.getByTestId('due-now')).toHaveText('¥99.00');
  await expect(summary.getByTestId('balance-after')).toHaveText('¥401.00');
  await shoot(page, summary, 'launch-charges-one-time');
});
