import { expect, test } from '@playwright/test';
import { launchFromWizard, signUp } from './helpers';

// Issue 13: the instance page no longer embeds every marketplace product's image of the region;
// Replace system disk searches the products a page at a time (MKT-6 still says what a choice costs).
test('replacing a system disk offers marketplace products found by searching', async ({ page }) => {
  await signUp(page, 'disk');
  await launchFromWizard(page, { amount: 1, name: 'disk' });
  const row = page.locator('tr', { hasText: 'disk' });
  await expect(row.locator('[data-status="Running"]')).toBeVisible();
  await row.getByRole('button', { name: 'Stop' }).click();
  await expect(row.locator('[data-status="Stopped"]')).toBeVisible();
  await row.getByRole('link', { name: 'disk' }).click();

  await page.getByRole('button', { name: 'Replace system disk' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox', { name: 'Search marketplace products' }).fill('lnmp');
  const lnmp = dialog.locator('option', { hasText: /LNMP Stack/ }).first();
  await expect(lnmp).toBeAttached();
  await dialog.getByRole('combobox').selectOption((await lnmp.getAttribute('value'))!);
  await expect(dialog).toContainText('This image belongs to product lnmp000101');
});
