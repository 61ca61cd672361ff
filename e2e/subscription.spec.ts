import { expect, test } from '@playwright/test';
import { screenshotPath, signUp, topUp } from './helpers';

// MKT-11 in the console: a monthly license bought on the product page, an instance launched
// with it ends with the license, and Renew buys more months up front.
test('a subscription instance shows when it ends and is renewed from its page, paid from the wallet', async ({ page }) => {
  await signUp(page, 'subscriber');
  await topUp(page, 500);

  await page.goto('/marketplace/products/ndpm000105');
  await page.waitForLoadState('networkidle');
  await page.locator('#purchase-region').selectOption('cn-hangzhou');
  const monthly = await page.locator('#purchase-sku option', { hasText: 'Monthly' }).getAttribute('value');
  await page.locator('#purchase-sku').selectOption(monthly!);
  await page.getByRole('button', { name: 'Buy 1 license' }).click();
  await page.getByRole('dialog', { name: 'Review your order' }).getByRole('button', { name: /^(Pay ¥|Confirm$)/ }).click();
  await expect(page.getByText('Purchase complete')).toBeVisible();

  await page.goto('/console/instances/new?region=cn-hangzhou');
  await page.waitForLoadState('networkidle');
  await page.getByRole('tab', { name: 'Marketplace' }).click();
  await page.getByRole('searchbox', { name: 'Filter images by name, product or platform' }).fill('Node.js');
  await page.getByRole('radio', { name: /Node\.js 20 LTS/ }).first().check();
  await page.getByRole('textbox', { name: 'Instance name' }).fill('app');
  await page.getByRole('button', { name: 'Launch 1 instance' }).click();
  await expect(page).toHaveURL(/launched=1/);
  await page.locator('tr', { hasText: 'app' }).getByRole('link', { name: 'app' }).click();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Subscription ends')).toBeVisible();

  // Issue 16: Renew opens the order review with the price; Cancel charges nothing.
  await page.getByLabel('Periods').selectOption('2');
  await page.getByRole('button', { name: 'Renew' }).click();
  const review = page.getByRole('dialog', { name: 'Review the renewal' });
  await expect(review.getByTestId('renew-unitPrice')).toHaveText('¥29.00');
  await expect(review.getByTestId('renew-total')).toHaveText('¥58.00');
  await expect(review.getByTestId('renew-balanceAfter')).toHaveText('¥413.00 (now ¥471.00)');
  for (const [width, height, name] of [[1440, 900, 'renew-review'], [390, 844, 'renew-review-phone']] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: screenshotPath(name) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toBeHidden();
  // Focus is back on Renew; from the keyboard, Enter reopens the review and Escape closes it.
  await expect(page.getByRole('button', { name: 'Renew' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(review.getByTestId('renew-total')).toHaveText('¥58.00');
  await page.keyboard.press('Escape');
  await expect(review).toBeHidden();
  await page.reload();
  // Chosen once the page runs: a choice made before hydration is the browser's, not the form's.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Periods').selectOption('2');
  await page.getByRole('button', { name: 'Renew' }).click();
  await expect(review.getByTestId('renew-balanceAfter')).toHaveText('¥413.00 (now ¥471.00)');
  await review.getByRole('button', { name: 'Pay ¥58.00 and renew' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Renewed: the subscription now ends');
  await page.screenshot({ path: screenshotPath('instance-renewed'), fullPage: true });
  // ¥29.00 a month: two more months, paid up front once, next to the license's own ¥29.00.
  await page.goto('/console/billing');
  await expect(page.getByRole('cell', { name: '-¥58.00' })).toHaveCount(1);
  await expect(page.getByRole('cell', { name: '-¥29.00' })).toBeVisible();
  await page.goto('/console/orders');
  await expect(page.locator('tr[data-order-id]', { hasText: 'Renewal' })).toHaveCount(1);
  await expect(page.locator('tr[data-order-id]').first()).toContainText('Renewal · Monthly');
});
