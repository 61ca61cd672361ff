import { expect, test } from '@playwright/test';
import { defaultSettings } from '../lib/domain/settings';
import { demoAdmin, screenshotPath, signInAs } from './helpers';

// The settings page changes limits for the whole platform (the commission every sale is split
// by): playwright.config.ts runs this file alone, after every other test, so no test sees a
// setting move under it; and whatever happens here, the defaults are put back.

test.afterEach(async () => {
  const admin = await demoAdmin();
  const { updateSettings } = await import('../lib/services/settings');
  await updateSettings(admin, { commissionBps: defaultSettings('test').commissionBps });
});

test('settings (ADM-4): every setting, no rule ids; a change is saved and reported, a bad value is refused next to its field', async ({ page }) => {
  await signInAs(page, 'admin@stratus.local', '/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Platform settings' })).toBeVisible();
  await expect(page.locator('[data-setting]')).toHaveCount(Object.keys(defaultSettings('test')).length);
  await expect(page.locator('main')).not.toContainText(/\b[A-Z]{2,4}-\d+\b/); // rule ids stay in the code
  const commission = page.getByRole('textbox', { name: 'Platform commission' });
  await expect(commission).toHaveValue('10');
  await page.screenshot({ path: screenshotPath('admin-settings'), fullPage: true });

  await page.waitForLoadState('networkidle');
  await commission.fill('12.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Platform commission: 10% → 12.5%');
  await expect(page.getByRole('status')).toContainText('One setting changed');
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header would land mid-page
  await page.screenshot({ path: screenshotPath('admin-settings-saved'), fullPage: true });
  await page.reload();
  await expect(commission).toHaveValue('12.5');

  await page.waitForLoadState('networkidle');
  await commission.fill('150');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(commission).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-setting="commissionBps"]')).toContainText('Enter a percentage from 0 to 100, with at most two decimals.');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText('Platform commission');
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header would land mid-page
  await page.screenshot({ path: screenshotPath('admin-settings-error'), fullPage: true });

  // Put back through the form (the afterEach puts it back whatever happens).
  await commission.fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Platform commission: 12.5% → 10%');
  await page.reload();
  await expect(commission).toHaveValue('10');
});

