import { expect, test } from '@playwright/test';
import { screenshotPath, signUp } from './helpers';

// Issue 3's journey: search, filter, open a product, buy 2 licenses in cn-hangzhou, launch 3
// (the wizard shows the shortfall of 1 and buys it in the same step), release one, and see
// its license back in the pool (MKT-3, MKT-4, MKT-5).
test('a new buyer finds a product, buys 2 licenses, launches 3 buying the shortfall, and gets a license back on release', async ({ page }) => {
  await signUp(page, 'market');

  // Money first: a simulated top-up on the billing page.
  await page.goto('/console/billing');
  await page.getByLabel('Amount (¥)').fill('500');
  await page.getByRole('button', { name: 'Top up' }).click();
  await expect(page.getByTestId('billing-balance')).toHaveText('¥500.00');

  // Search and filter.
  await page.goto('/marketplace');
  await page.getByRole('searchbox', { name: 'Search the marketplace' }).first().fill('LNMP');
  await page.getByRole('searchbox', { name: 'Search the marketplace' }).first().press('Enter');
  await expect(page).toHaveURL(/\/marketplace\/search\?.*q=LNMP/);
  await page.goto('/marketplace/search?q=LNMP&category=web&region=cn-hangzhou');
  const card = page.getByRole('link', { name: /LNMP Stack/ }).first();
  await expect(card).toBeVisible();
  await page.screenshot({ path: screenshotPath('marketplace-search'), fullPage: true });
  await card.click();
  await expect(page).toHaveURL(/\/marketplace\/products\/lnmp000101/);

  // Buy 2 one-time licenses in cn-hangzhou.
  await page.locator('#purchase-region').selectOption('cn-hangzhou');
  const oneTime = await page.locator('#purchase-sku option', { hasText: 'One-time' }).getAttribute('value');
  await page.locator('#purchase-sku').selectOption(oneTime!);
  await page.locator('#purchase-quantity').fill('2');
  await page.getByRole('button', { name: 'Buy 2 licenses' }).click();
  await page.getByRole('dialog', { name: 'Review your order' }).getByRole('button', { name: /^(Pay ¥|Confirm$)/ }).click();
  await expect(page.getByText('Purchase complete')).toBeVisible();
  await page.screenshot({ path: screenshotPath('product-bought'), fullPage: true });

  // Launch 3: the wizard shows 3 needed, 2 available, 1 short, and buys the shortfall in the same step.
  await page.goto('/console/instances/new?region=cn-hangzhou');
  await page.getByRole('tab', { name: 'Marketplace' }).click();
  await page.getByRole('searchbox', { name: 'Filter images by name, product or platform' }).fill('lnmp');
  await page.getByRole('radio', { name: /LNMP Stack/ }).check();
  await page.getByRole('spinbutton', { name: 'Amount' }).fill('3');
  await page.getByRole('textbox', { name: 'Instance name' }).fill('shop');
  const entitlement = page.getByTestId('entitlement');
  await expect(entitlement.getByTestId('entitlement-needed')).toHaveText('3');
  await expect(entitlement.getByTestId('entitlement-available')).toHaveText('2');
  await expect(entitlement.getByTestId('entitlement-shortfall')).toHaveText('1');
  await expect(page.getByRole('button', { name: /^Launch 3 instances$/ })).toBeDisabled();
  await entitlement.getByRole('radio', { name: /Buy the missing license .* for ¥99\.00/ }).check();
  await page.screenshot({ path: screenshotPath('wizard-shortfall'), fullPage: true });
  // Issue 16: the launch that buys the shortfall is reviewed first: the licenses, the compute, the total.
  await page.getByRole('button', { name: 'Buy 1 license (¥99.00) and launch 3 instances' }).click();
  const review = page.getByRole('dialog', { name: 'Review the launch' });
  await expect(review.getByTestId('launch-review-amount')).toHaveText('3');
  await expect(review.getByTestId('charge-licenses')).toContainText('One-time licenses: 1 × ¥99.00');
  await expect(review.getByTestId('due-now')).toHaveText('¥99.00');
  await page.screenshot({ path: screenshotPath('wizard-launch-review') });
  await review.getByRole('button', { name: 'Pay ¥99.00 and launch 3 instances' }).click();
  await expect(page).toHaveURL(/launched=3/);
  await expect(page.locator('tr[data-instance-id]')).toHaveCount(3);
  await expect(page.getByTestId('account-menu')).toContainText('¥203.00'); // 500 − 2 × 99 − 99

  // Release one: its license returns to the pool.
  const row = page.locator('tr', { hasText: 'shop-002' });
  await row.getByRole('button', { name: 'Release' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Release' }).click();
  await expect(page.locator('tr[data-instance-id]')).toHaveCount(2);

  await page.goto('/console/licenses');
  const group = page.locator('[data-license-group="lnmp000101/cn-hangzhou"]');
  await expect(group.getByTestId('available')).toHaveText('1');
  await expect(group.locator('a[href^="/console/instances/"]')).toHaveCount(2);
  await page.screenshot({ path: screenshotPath('licenses'), fullPage: true });
});
