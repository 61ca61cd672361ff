import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAdmin, screenshotPath, useServerDatabase } from './helpers';

// The admin console (ADM-1 … ADM-4): the refund queue with its eligibility facts (REF-1 … REF-7),
// freezing instances, the audit log's filters, platform settings — and that it does not exist
// for anyone but an operator.

const DEMO_PASSWORD = 'stratus-demo';

type Fixture = { accountId: string; accountName: string; instanceName: string };

/**
 * A fresh buyer account written through the service layer into the server's own database
 * (style.md: fixtures through the services, not the UI): two refund requests, one of which
 * has its license deployed after asking (REF-2), and the instance that deployed it.
 */
async function seedBuyerWithRefunds(): Promise<Fixture> {
  const db = await useServerDatabase();
  const { and, eq } = await import('drizzle-orm');
  const { images } = await import('../db/schema');
  const { newRequestId } = await import('../lib/domain/ids');
  const { createAccount } = await import('../lib/services/accounts');
  const { creditWallet } = await import('../lib/services/wallet');
  const { purchaseLicenses } = await import('../lib/services/orders');
  const { requestRefund } = await import('../lib/services/refunds');
  const { runInstances } = await import('../lib/services/instances');

  const suffix = Math.random().toString(36).slice(2, 8);
  const accountName = `Refund Tester ${suffix}`;
  const accountId = await createAccount(accountName);
  const buyer = { userId: null, accountId, roles: ['buyer'] as const, requestId: newRequestId() };
  await creditWallet(accountId, 100_000, 'test_credit');
  const buy = async () => (await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 })).orderId;

  // Asked first, deployed afterwards: the only license in the pool goes to the instance.
  await requestRefund(buyer, { orderId: await buy(), reason: 'Changed my mind before launching' });
  const imageId = (await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.productCode, 'lnmp000101'), eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'marketplace'))))
    .at(-1)!.id;
  const instanceName = `deployed-${suffix}`;
  await runInstances(buyer, { regionId: 'cn-hangzhou', imageId, instanceTypeId: 'ecs.g7.large', amount: 1, name: instanceName });
  await requestRefund(buyer, { orderId: await buy(), reason: 'Bought the wrong stack' });
  return { accountId, accountName, instanceName };
}

/** A fresh buyer's refund request, rejected by the demo admin with a note, through the services. */
async function seedRejectedRefund(): Promise<{ accountName: string; note: string }> {
  const admin = await demoAdmin();
  const { newRequestId } = await import('../lib/domain/ids');
  const { createAccount } = await import('../lib/services/accounts');
  const { creditWallet } = await import('../lib/services/wallet');
  const { purchaseLicenses } = await import('../lib/services/orders');
  const { rejectRefund, requestRefund } = await import('../lib/services/refunds');

  const accountName = `Rejected Tester ${Math.random().toString(36).slice(2, 8)}`;
  const accountId = await createAccount(accountName);
  const buyer = { userId: null, accountId, roles: ['buyer'] as const, requestId: newRequestId() };
  await creditWallet(accountId, 100_000, 'test_credit');
  const { orderId } = await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 });
  const request = await requestRefund(buyer, { orderId, reason: 'Wanted another stack' });
  const note = '已在实例上使用';
  await rejectRefund(admin, request.id, { note });
  return { accountName, note };
}

async function signIn(page: Page, email: string, next = '/admin') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signInAsAdmin(page: Page) {
  await signIn(page, 'admin@stratus.local');
  await expect(page).toHaveURL(/\/admin\/refunds$/);
  await page.waitForLoadState('networkidle');
}

/** The "N items" total under a paged list. */
async function totalOf(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Pages' }).locator('span').first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

const requestCard = (page: Page, fixture: Fixture, reason: string): Locator => page.locator('[data-review-item]', { hasText: fixture.accountName }).filter({ hasText: reason });

let fixture: Fixture;
test.beforeAll(async () => {
  fixture = await seedBuyerWithRefunds();
});

test('the admin area does not exist for a buyer, nor for someone signed out', async ({ page }) => {
  const signedOut = await page.goto('/admin');
  expect(signedOut?.status()).toBe(404);

  await signIn(page, 'buyer@stratus.local', '/console/instances');
  await expect(page).toHaveURL(/\/console\/instances$/);
  for (const url of ['/admin', '/admin/refunds', '/admin/settings', '/admin/audit?outcome=error']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.getByText('Admin console')).toHaveCount(0);
  }
  await page.screenshot({ path: screenshotPath('admin-not-found-for-buyer'), fullPage: true });
});

test('refund queue (ADM-1, REF-5): facts per rule, a refused approval in place, reject with a reason, approve', async ({ page }) => {
  await signInAsAdmin(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Refund requests' })).toBeVisible();
  await expect(page.getByTestId('nav-count-refunds')).toBeVisible();

  const deployed = requestCard(page, fixture, 'Changed my mind before launching');
  const eligible = requestCard(page, fixture, 'Bought the wrong stack');
  await expect(deployed).toContainText(fixture.accountId);
  await expect(deployed).toContainText('¥99.00');
  await expect(deployed.locator('[data-fact="REF-2"]')).toHaveAttribute('data-tone', 'bad');
  await expect(deployed.locator('[data-fact="REF-1"]')).toHaveAttribute('data-tone', 'good');
  await expect(deployed.getByTestId('verdict')).toHaveText('Not eligible: a license has been deployed');
  await expect(eligible.getByTestId('verdict')).toHaveText('Eligible: every rule is met');
  await expect(eligible.locator('[data-fact="REF-3"]')).toContainText('0 of 10 used');
  await expect(eligible.locator('[data-fact="REF-7"]')).toContainText('None issued');
  await page.screenshot({ path: screenshotPath('admin-refunds'), fullPage: true });

  // Approving re-checks the rules (REF-2): the refusal is shown on the item, readably.
  await deployed.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(deployed.getByRole('alert')).toHaveText(/has been used by an instance/);
  await page.screenshot({ path: screenshotPath('admin-refunds-refused'), fullPage: true });

  // Rejecting needs words the buyer reads.
  await deployed.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Give a reason');
  await dialog.getByLabel('Reason for the applicant').fill('The license is already in use on an instance.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(deployed).toHaveCount(0);

  await eligible.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('dialog')).toContainText('Refund ¥99.00 to');
  await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(eligible).toHaveCount(0);

  await page.getByRole('link', { name: 'Rejected' }).click();
  await expect(page).toHaveURL(/status=rejected/);
  await expect(requestCard(page, fixture, 'Changed my mind')).toContainText('Reason given: The license is already in use on an instance.');
  await page.screenshot({ path: screenshotPath('admin-refunds-rejected'), fullPage: true });
  await page.getByRole('link', { name: 'Approved' }).click();
  await expect(requestCard(page, fixture, 'Bought the wrong stack')).toContainText(/Approved\s*on .* · refund order o-/);
});

test('instances (ADM-2): search across accounts, freeze with a reason, unfreeze', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole('link', { name: 'Instances' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('admin-instances'), fullPage: true });

  await page.waitForLoadState('networkidle');
  await page.getByRole('searchbox', { name: 'Search' }).fill(fixture.accountId);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${fixture.accountId}`));
  const row = page.locator('tr[data-instance-id]', { hasText: fixture.instanceName });
  await expect(row).toHaveCount(1);
  await expect(page.locator('tr[data-instance-id]')).toHaveCount(1);
  await expect(row).toContainText(fixture.accountName);
  await expect(row).toContainText('lnmp000101');

  await row.getByRole('button', { name: 'Freeze' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Freeze' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Give a reason');
  await dialog.getByLabel('Reason for the owner').fill('Port scanning other tenants.');
  await dialog.getByRole('button', { name: 'Freeze' }).click();
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'Frozen');
  await expect(row).toContainText('Frozen by the platform for a violation');
  await page.screenshot({ path: screenshotPath('admin-instances-frozen'), fullPage: true });

  await row.getByRole('button', { name: 'Unfreeze' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unfreeze' }).click();
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'Stopped');
  await expect(row.getByRole('button', { name: 'Freeze' })).toBeVisible();
});

test('audit log (ADM-3): every filter narrows the log and lives in the URL', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const everything = await totalOf(page);
  await page.screenshot({ path: screenshotPath('admin-audit'), fullPage: true });

  await page.waitForLoadState('networkidle');
  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByLabel('Account').fill(fixture.accountId);
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`accountId=${fixture.accountId}`));
  const forAccount = await totalOf(page);
  expect(forAccount).toBeGreaterThanOrEqual(5); // two purchases, two requests, one launch
  expect(forAccount).toBeLessThan(everything);
  const accounts = await page.locator('[data-audit-account]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-audit-account')));
  expect(new Set(accounts)).toEqual(new Set([fixture.accountId]));

  await page.waitForLoadState('networkidle');
  await filters.getByLabel('Action').fill('RequestRefund');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=RequestRefund/);
  await expect(page.locator('tr[data-audit-action]')).toHaveCount(2);
  await expect(page.locator('tr[data-audit-action="RequestRefund"]')).toHaveCount(2);
  await expect(filters.getByLabel('Account')).toHaveValue(fixture.accountId);
  await page.screenshot({ path: screenshotPath('admin-audit-filtered'), fullPage: true });

  // A day with nothing in it: the empty state, and a way back.
  await page.goto('/admin/audit?from=2001-01-01&to=2001-01-02');
  await expect(page.getByRole('heading', { name: 'No entries match these filters' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);

  // Nonsense in the URL is ignored, not an error.
  const response = await page.goto('/admin/audit?from=2025-02-30&outcome=maybe&page=-1');
  expect(response?.status()).toBe(200);
  await expect(page.locator('tr[data-audit-action]').first()).toBeVisible();
});

test('the admin console speaks 简体中文 too', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '退款申请' })).toBeVisible();
  // Its own rejected request, so the list is not empty whatever ran before.
  const rejected = await seedRejectedRefund();
  await page.getByRole('link', { name: '已驳回' }).click();
  await expect(page).toHaveURL(/status=rejected/);
  await expect(page.locator('[data-review-item]', { hasText: rejected.accountName })).toContainText(rejected.note);
  await page.screenshot({ path: screenshotPath('admin-refunds-zh'), fullPage: true });
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: '平台设置' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('admin-settings-zh'), fullPage: true });
});
