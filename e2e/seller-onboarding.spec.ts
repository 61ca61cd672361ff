import { expect, test, type Page } from '@playwright/test';
import { screenshotPath, signUp } from './helpers';

// SEL-1, ADM-1: a new account applies to sell, is told exactly which condition it misses, applies
// again, waits for review; an admin approves it in the review queue; the account is a seller.

/** A full-page screenshot from the top, so the sticky header is not painted over the middle. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function fillApplication(page: Page, company: string, capital: string) {
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Date founded').fill('2019-06-01');
  await page.getByLabel('Registered capital (¥)').fill(capital);
  await page.getByLabel('Technical and support staff').fill('12');
  await page.getByLabel('Customer support hours').selectOption('7x12');
  await page.getByLabel('Contact email').fill('partners@example.test');
  await page.getByLabel(/I accept the Stratus Marketplace Seller Agreement/).check();
}

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('stratus-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console\//);
}

test('a new account applies to sell, is approved by an admin, and gets the seller centre', async ({ page, browser }) => {
  const company = `E2E Cloud Works ${Date.now()} Co., Ltd.`;
  await signUp(page, 'seller');

  // Not a seller yet: the seller centre is the application, and only that.
  await page.goto('/seller');
  await expect(page).toHaveURL(/\/seller\/apply$/);
  await expect(page.getByRole('heading', { name: 'Become a seller' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Seller centre' });
  await expect(nav.getByRole('link')).toHaveText(['Application']);
  await page.goto('/seller/settlement');
  await expect(page).toHaveURL(/\/seller\/apply$/);
  await page.waitForLoadState('networkidle'); // controlled inputs need React attached
  await screenshot(page, 'seller-apply');

  // Registered capital below ¥500,000: the reason stands next to that field, and only there.
  await fillApplication(page, company, '100000');
  await page.getByRole('button', { name: 'Submit application' }).click();
  const capital = page.locator('[data-field="registeredCapital"]');
  await expect(capital.getByText('Registered capital must be at least ¥500,000.00.')).toBeVisible();
  await expect(page.getByLabel('Registered capital (¥)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'One condition is not met.' })).toBeVisible();
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
  // Nothing typed is lost, the select and the checkbox included.
  await expect(page.getByLabel('Company name')).toHaveValue(company);
  await expect(page.getByLabel('Customer support hours')).toHaveValue('7x12');
  await expect(page.getByLabel(/I accept the Stratus Marketplace Seller Agreement/)).toBeChecked();
  await screenshot(page, 'seller-apply-errors');

  // Corrected: the application waits for review.
  await page.getByLabel('Registered capital (¥)').fill('1,000,000');
  await page.getByRole('button', { name: 'Submit application' }).click();
  const status = page.getByTestId('application-status');
  await expect(status).toHaveAttribute('data-status', 'pending');
  await expect(status).toContainText('Your application is being reviewed');
  await expect(page.getByText('¥1,000,000.00')).toBeVisible();
  await screenshot(page, 'seller-apply-pending');

  // The admin approves it in the review queue.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@stratus.local');
  await admin.goto('/admin/seller-applications');
  const item = admin.locator('article[data-review-item]', { has: admin.getByRole('heading', { name: company }) });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('verdict')).toHaveText("Meets every condition. Check the company's documents, then decide.");
  await item.scrollIntoViewIfNeeded();
  await screenshot(admin, 'seller-admin-queue');
  await item.getByRole('button', { name: 'Approve' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(item).toHaveCount(0);
  await admin.goto('/admin/seller-applications?status=approved');
  await expect(admin.locator('article[data-review-item]', { has: admin.getByRole('heading', { name: company }) })).toContainText('Approved');
  await screenshot(admin, 'seller-admin-approved');
  await adminContext.close();

  // The account is a seller now: the whole seller centre opens.
  await page.goto('/seller');
  await expect(page).toHaveURL(/\/seller$/);
  await expect(nav.getByRole('link')).toHaveText(['Overview', 'Products', 'Signing keys', 'Deliveries', 'Settlement']);
  await expect(page.getByText(`${company} · an approved seller since`)).toBeVisible();
  await screenshot(page, 'seller-overview');
  await nav.getByRole('link', { name: 'Settlement' }).click();
  await expect(page.getByRole('heading', { name: 'No sales in this period' })).toBeVisible();
  await screenshot(page, 'seller-settlement-empty');
  await page.goto('/seller/apply');
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'approved');
  await screenshot(page, 'seller-apply-approved');
});

test("the demo seller's settlement shows its sales by month and product", async ({ page }) => {
  await signIn(page, 'seller@stratus.local');
  await page.goto('/seller/settlement');
  // The demo buyer bought 2 Joomla licenses (jmla000107) before it was delisted.
  const line = page.locator('tr[data-settlement-line$="/jmla000107"]').first();
  await expect(line).toBeVisible();
  await expect(page.getByTestId('settlement-total-row')).toBeVisible();
  await screenshot(page, 'seller-settlement');
});

test('a rejected applicant reads the reason and applies again with its answers filled in', async ({ page, browser }) => {
  const company = `E2E Rejected Works ${Date.now()} Co., Ltd.`;
  await signUp(page, 'rejected');
  await page.goto('/seller/apply');
  await page.waitForLoadState('networkidle');
  await fillApplication(page, company, '800000');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'pending');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@stratus.local');
  await admin.goto('/admin/seller-applications');
  const item = admin.locator('article[data-review-item]', { has: admin.getByRole('heading', { name: company }) });
  await item.getByRole('button', { name: 'Reject' }).click();
  await admin.getByRole('dialog').getByLabel('Reason for the applicant').fill('The business licence you uploaded names another company.');
  await admin.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  await expect(item).toHaveCount(0);
  await adminContext.close();

  await page.reload();
  const status = page.getByTestId('application-status');
  await expect(status).toHaveAttribute('data-status', 'rejected');
  await expect(page.getByTestId('decision-note')).toHaveText('The business licence you uploaded names another company.');
  await expect(page.getByRole('heading', { name: 'Apply again' })).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveValue(company);
  await expect(page.getByLabel('Registered capital (¥)')).toHaveValue('800000');
  await screenshot(page, 'seller-apply-rejected');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Company name').fill(`${company} (Hangzhou)`);
  await page.getByLabel(/I accept the Stratus Marketplace Seller Agreement/).check();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(status).toHaveAttribute('data-status', 'pending');
});
