import { expect, test, type Page } from '@playwright/test';
import { createReceiver } from '../examples/seller-receiver/receiver';
import { launchFromWizard, screenshotPath, signInAs, signUp, topUp } from './helpers';

// Issue 6's journey (SEL-1 … SEL-8, ADM-1): a seller applies and is approved, publishes a
// product from its own custom image, debugs its interface against the reference receiver
// (running here, on localhost), submits; the admin lists it; a buyer buys it; the seller sees
// the signed call in its delivery log and the sale in its settlement.

async function applyToSell(page: Page, company: string) {
  await page.goto('/seller/apply');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Date founded').fill('2018-03-01');
  await page.getByLabel('Registered capital (¥)').fill('2000000');
  await page.getByLabel('Technical and support staff').fill('20');
  await page.getByLabel('Customer support hours').selectOption('7x24');
  await page.getByLabel('Contact email').fill('sales@example.test');
  await page.getByLabel(/I accept the Stratus Marketplace Seller Agreement/).check();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'pending');
}

async function approveIn(admin: Page, path: string, heading: string) {
  await admin.goto(path);
  await admin.waitForLoadState('networkidle');
  const item = admin.locator('article[data-review-item]', { has: admin.getByRole('heading', { name: heading }) });
  await item.getByRole('button', { name: 'Approve' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(item).toHaveCount(0);
}

test('a seller is approved, publishes and debugs a product, the admin lists it, a buyer buys it, the seller sees the call and the sale', async ({ browser }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const company = `Acme Images ${suffix} Ltd.`;
  const title = `Acme Hardened Ubuntu ${suffix}`;
  const seller = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  const buyer = await (await browser.newContext()).newPage();

  // SEL-1: apply; the admin approves.
  await signUp(seller, 'seller-journey');
  await applyToSell(seller, company);
  await signInAs(admin, 'admin@stratus.local', '/admin/refunds');
  await approveIn(admin, '/admin/seller-applications', company);

  // A custom image of the seller's own (SEL-7 publishes only those).
  await launchFromWizard(seller, { amount: 1, name: 'golden', image: /Ubuntu 24\.04/ });
  await expect(seller.locator('tr', { hasText: 'golden' }).locator('[data-status="Running"]')).toBeVisible();
  await seller.locator('tr', { hasText: 'golden' }).getByRole('link', { name: 'golden' }).click();
  await seller.getByRole('button', { name: 'Create image' }).click();
  await seller.getByRole('dialog').getByLabel('Image name').fill('acme-golden');
  await seller.getByRole('dialog').getByRole('button', { name: 'Create image' }).click();
  await expect(seller.locator('tr', { hasText: 'acme-golden' }).getByRole('link', { name: 'Launch' })).toBeVisible({ timeout: 30_000 });

  // SEL-2: a signing key, shown once; the reference receiver is configured with it.
  await seller.goto('/seller/keys');
  await seller.waitForLoadState('networkidle');
  await seller.getByRole('button', { name: 'Create signing key' }).click();
  const keyId = await seller.getByTestId('new-seller-key-id').innerText();
  await seller.screenshot({ path: screenshotPath('seller-keys'), fullPage: true });
  const secret = await seller.getByTestId('new-seller-key-secret').innerText();
  const receiver = createReceiver({ keys: { [keyId]: secret } });
  const interfaceUrl = `${await receiver.listen(0)}/stratus`;
  try {
    // SEL-7: the draft, its version, its price.
    await seller.goto('/seller/products/new');
    await seller.waitForLoadState('networkidle');
    await seller.getByLabel('Title', { exact: true }).fill(title);
    await seller.getByLabel('Category', { exact: true }).selectOption('security');
    await seller.getByLabel(/Summary/).fill('Ubuntu 24.04 with CIS level 1 hardening applied.');
    await seller.getByLabel('Description', { exact: true }).fill('CIS benchmark level 1, auditd and fail2ban; SSH on 22 only. Support 7×24 by ticket.');
    await seller.getByLabel(/Production interface URL/).fill(interfaceUrl);
    await seller.getByRole('button', { name: 'Create draft' }).click();
    await expect(seller).toHaveURL(/\/seller\/products\/[a-z]{4}\d{6}$/);
    const code = seller.url().split('/').pop()!;
    await seller.waitForLoadState('networkidle');
    await expect(seller.getByTestId('listing-problems')).toContainText('Add at least one version.');

    await seller.getByLabel('Version', { exact: true }).fill('1.0.0');
    await seller.getByRole('checkbox', { name: /acme-golden/ }).check();
    await seller.getByRole('button', { name: 'Save version' }).click();
    await expect(seller.locator('[data-version="1.0.0"]')).toContainText('China (Hangzhou)');
    await seller.getByRole('checkbox', { name: 'One-time' }).check();
    await seller.getByLabel('Price for One-time').fill('49');
    await seller.getByRole('button', { name: 'Save prices' }).click();
    await expect(seller.getByTestId('listing-problems')).not.toContainText('Add at least one price.');

    // SEL-6: every activity of a test order, signed; the answers and their Body-Sign checked.
    for (const activity of ['newInstance', 'refreshInstance', 'upgradeInstance', 'updateInstanceStatus', 'expireInstance', 'releaseInstance']) {
      const row = seller.locator(`[data-activity="${activity}"]`);
      await row.getByRole('button', { name: 'Send' }).click();
      await expect(row.getByTestId('debug-verdict')).toContainText('Passed');
      await expect(row.getByTestId('debug-verdict')).toContainText('Body-Sign valid');
    }
    await seller.reload();
    await expect(seller.getByText('Every check passes: the product can be submitted for review.')).toBeVisible();
    await seller.screenshot({ path: screenshotPath('seller-publish'), fullPage: true });
    await seller.getByRole('button', { name: 'Submit for review' }).click();
    await expect(seller.getByTestId('product-status')).toHaveText('In review');

    // ADM-1: the admin lists it.
    await admin.goto('/admin/listings');
    await expect(admin.locator('article[data-review-item]', { hasText: title }).getByTestId('verdict')).toContainText('Automatic checks pass');
    await admin.screenshot({ path: screenshotPath('admin-listing-queue'), fullPage: true });
    await approveIn(admin, '/admin/listings', title);

    // A buyer buys it.
    await signUp(buyer, 'seller-journey-buyer');
    await topUp(buyer, 100);
    await buyer.goto(`/marketplace/products/${code}`);
    await buyer.waitForLoadState('networkidle');
    await buyer.locator('#purchase-region').selectOption('cn-hangzhou');
    await buyer.getByRole('button', { name: 'Buy 1 license' }).click();
    await buyer.getByRole('dialog', { name: 'Review your order' }).getByRole('button', { name: /^(Pay ¥|Confirm$)/ }).click();
    await expect(buyer.getByText('Purchase complete')).toBeVisible();

    // SEL-4, SEL-5: the outbox delivered newInstance, signed, to the receiver; the log shows it.
    await seller.goto('/seller/deliveries');
    const call = seller.locator('tr[data-activity="newInstance"]', { hasText: code });
    await expect(async () => {
      await seller.reload();
      await expect(call.getByTestId('delivery-status')).toHaveText('Delivered');
    }).toPass({ timeout: 30_000 });
    // The buyer's order line was applied once (the debugging calls were a test order of their own).
    expect([...receiver.state.effects].filter(([line]) => !line.startsWith('test-line')).map(([, n]) => n)).toEqual([1]);
    await seller.screenshot({ path: screenshotPath('seller-deliveries'), fullPage: true });
    await call.getByRole('link').first().click();
    await expect(seller.locator('[data-verdict="ok"]').first()).toContainText('resultCode 000000');
    await seller.screenshot({ path: screenshotPath('seller-delivery'), fullPage: true });

    // SEL-8: the sale in the settlement.
    await seller.goto('/seller/settlement');
    await expect(seller.getByText(title).first()).toBeVisible();
    await expect(seller.getByText('¥49.00').first()).toBeVisible();
    await seller.screenshot({ path: screenshotPath('seller-settlement'), fullPage: true });
  } finally {
    await receiver.close();
  }
});
