import { expect, test, type Page } from '@playwright/test';
import { launchFromWizard, screenshotPath, signInAs, signUp } from './helpers';

const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

/** A custom image of the instance named `instance`, made from its page, opened once Available. */
async function createImage(page: Page, instance: string, name: string, family = '') {
  await page.goto('/console/instances');
  await page.locator('tr', { hasText: instance }).getByRole('link', { name: instance }).click();
  await page.getByRole('button', { name: 'Create image' }).click();
  await page.getByRole('dialog').getByLabel('Image name').fill(name);
  if (family) await page.getByRole('dialog').getByLabel('Image family (optional)').fill(family);
  await page.getByRole('dialog').getByRole('button', { name: 'Create image' }).click();
  await expect(page).toHaveURL(/\/console\/images\?owner=self/);
  const row = page.locator('tr', { hasText: name });
  await expect(row.getByRole('link', { name: 'Launch' })).toBeVisible({ timeout: 30_000 });
  await row.getByRole('link', { name }).click();
  await page.waitForLoadState('networkidle');
}

async function joinFamily(page: Page, family: string) {
  const panel = page.getByTestId('family-panel');
  await panel.getByLabel('Image family').fill(family);
  await panel.getByRole('button', { name: 'Save family' }).click();
  await expect(panel.getByRole('status')).toHaveText('The family is saved.');
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize(desktop);
  await page.screenshot({ path: screenshotPath(`${name}-desktop`), fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: screenshotPath(`${name}-phone`), fullPage: true });
  await page.setViewportSize(desktop);
}

// Issue 17's journey: v2 is published into a family, v1 is deprecated with v2 as its successor,
// the wizard's "latest of family" launches v2, and v1's page names v2.
test('publish v2 into a family, deprecate v1 for v2: the latest of the family launches v2 and v1 names its successor', async ({ page }) => {
  await page.setViewportSize(desktop);
  await signUp(page, 'family');
  await launchFromWizard(page, { amount: 1, name: 'family-base', image: /Debian 12/ });
  await expect(page.locator('tr', { hasText: 'family-base' }).locator('[data-status="Running"]')).toBeVisible();

  await createImage(page, 'family-base', 'web-v1');
  await joinFamily(page, 'web');
  const v1 = page.url();
  // v2 is published straight into the family.
  await createImage(page, 'family-base', 'web-v2', 'web');
  await expect(page.getByTestId('family-panel').getByLabel('Image family')).toHaveValue('web');
  const v2Id = page.url().split('/').pop()!;

  // v1 is deprecated with v2 as its successor; its page names v2 and links to it.
  await page.goto(v1);
  await page.waitForLoadState('networkidle');
  const panel = page.getByTestId('family-panel');
  await panel.getByLabel('Successor (optional)').selectOption({ label: `web-v2 (${v2Id})` });
  await panel.getByRole('button', { name: 'Deprecate' }).click();
  await expect(page.getByTestId('deprecation-notice')).toBeVisible();
  await expect(page.getByTestId('successor-link')).toHaveText('web-v2');
  await expect(page.getByTestId('successor-link')).toHaveAttribute('href', `/console/images/${v2Id}`);
  await expect(panel.getByRole('button', { name: 'Undeprecate' })).toBeVisible();
  await shoot(page, 'image-deprecated');

  // The wizard's "latest of family" resolves web to v2 and the launch takes it.
  await page.goto('/console/instances/new');
  await page.waitForLoadState('networkidle');
  await page.getByRole('tab', { name: 'Latest of a family' }).click();
  const choice = page.getByRole('radio', { name: /web.*Launches web-v2/ });
  await choice.check();
  await page.getByRole('radio', { name: /ecs\.g7\.large/ }).check();
  await page.getByRole('textbox', { name: 'Instance name' }).fill('from-family');
  await shoot(page, 'wizard-latest-of-family');
  await page.getByRole('button', { name: 'Launch 1 instance' }).click();
  await expect(page).toHaveURL(/launched=1/);
  await page.locator('tr', { hasText: 'from-family' }).getByRole('link', { name: 'from-family' }).click();
  await expect(page.getByText(`web-v2 (${v2Id})`)).toBeVisible();

  // The image list marks v1 deprecated, with its family.
  await page.goto('/console/images?owner=self');
  await expect(page.locator('tr', { hasText: 'web-v1' })).toContainText('Deprecated');
  await shoot(page, 'images-family');
});

test('the seller’s listed product shows each version’s family and deprecation panel', async ({ page }) => {
  await page.setViewportSize(desktop);
  // The demo seller's LNMP product is listed with two versions; the panels are looked at, not used (other tests launch it).
  await signInAs(page, 'seller@stratus.local', '/seller/products/lnmp000101');
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('family-panel')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Family and deprecation of version 2.0.0' })).toBeVisible();
  await shoot(page, 'seller-version-family');
});
