import { expect, test } from '@playwright/test';
import { launchFromWizard, screenshotPath, signUp } from './helpers';

// Issue 13: the instance page no longer embeds every marketplace product's image of the region;
// Replace system disk searches the products a page at a time (MKT-6 still says what a choice costs).
test('replacing a system disk offers marketplace products found by searching, in an accessible searchable list', async ({ page }) => {
  await signUp(page, 'disk');
  await launchFromWizard(page, { amount: 1, name: 'disk' });
  const row = page.locator('tr', { hasText: 'disk' });
  await expect(row.locator('[data-status="Running"]')).toBeVisible();
  await row.getByRole('button', { name: 'Stop' }).click();
  await expect(row.locator('[data-status="Stopped"]')).toBeVisible();
  await row.getByRole('link', { name: 'disk' }).click();

  await page.getByRole('button', { name: 'Replace system disk' }).click();
  const dialog = page.getByRole('dialog');
  // Issue 16: one searchable list (a combobox and its listbox) rather than a 61-option select.
  const search = dialog.getByRole('combobox', { name: 'New image' });
  await search.fill('lnmp');
  const lnmp = dialog.getByRole('option', { name: /LNMP Stack/ }).first();
  await lnmp.click();
  await expect(lnmp).toHaveAttribute('aria-selected', 'true');
  await expect(dialog).toContainText('This image belongs to product lnmp000101');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: screenshotPath('i16-replace-disk-picker-desktop') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath('i16-replace-disk-picker-phone') });
});
