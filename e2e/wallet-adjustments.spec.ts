import { expect, test } from '@playwright/test';
import { screenshotPath, signInAs, signUp } from './helpers';

// Issue 12 (no free money): an admin credits and debits a buyer's wallet with a reason, after a
// confirm step; a debit beyond the balance is refused; the buyer reads the reason next to the
// entry on its Billing page. (The server runs in test mode, so the simulated top-up is still there.)

test('an admin credits a wallet with a reason the buyer reads in its ledger; a debit beyond the balance is refused', async ({ browser }) => {
  const buyer = await browser.newPage();
  const email = await signUp(buyer, 'adjusted');
  await buyer.goto('/console/billing');
  await expect(buyer.getByRole('button', { name: 'Top up' })).toBeVisible();
  await expect(buyer.getByText(/Simulated payment/)).toBeVisible();

  const admin = await browser.newPage();
  await signInAs(admin, 'admin@stratus.local', '/admin/accounts');
  await admin.getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Accounts' }).click();
  await admin.getByRole('searchbox', { name: 'Find an account' }).fill(email);
  await admin.getByRole('button', { name: 'Look up' }).click();
  await expect(admin.getByText(email)).toBeVisible();
  await expect(admin.getByTestId('account-balance')).toHaveText('¥0.00');
  await admin.waitForLoadState('networkidle'); // the form is controlled: React must be attached

  await admin.getByLabel('Debit (take money back)').check();
  await admin.getByLabel('Amount (¥)').fill('ten');
  await admin.getByLabel("Reason for the account's owner").fill('Charge-back');
  await admin.getByRole('button', { name: 'Review' }).click();
  await expect(admin.getByText('Enter an amount in yuan, such as 100 or 25.50, with at most two decimals.')).toBeVisible();
  await admin.getByLabel('Amount (¥)').fill('10');
  await admin.getByLabel("Reason for the account's owner").fill('Charge-back');
  await admin.getByRole('button', { name: 'Review' }).click();
  await expect(admin.getByText('Debit ¥10.00 from E2E adjusted?')).toBeVisible();
  await admin.getByRole('button', { name: 'Confirm debit' }).click();
  await expect(admin.getByText(/would take it below zero/)).toBeVisible();

  await admin.getByLabel('Credit (add money)').check();
  await admin.getByLabel('Amount (¥)').fill('25.50');
  await admin.getByLabel("Reason for the account's owner").fill('Goodwill credit for the outage');
  await admin.getByRole('button', { name: 'Review' }).click();
  await expect(admin.getByText('Credit ¥25.50 to E2E adjusted?')).toBeVisible();
  await admin.screenshot({ path: screenshotPath('admin-accounts-confirm'), fullPage: true });
  await admin.getByRole('button', { name: 'Confirm credit' }).click();
  await expect(admin.getByRole('status')).toHaveText('¥25.50 credited. The wallet now holds ¥25.50.');
  await expect(admin.getByTestId('account-balance')).toHaveText('¥25.50');
  await admin.screenshot({ path: screenshotPath('admin-accounts'), fullPage: true });

  await buyer.reload();
  await expect(buyer.getByTestId('billing-balance')).toHaveText('¥25.50');
  const entry = buyer.getByRole('row', { name: /Adjustment by the operator/ });
  await expect(entry).toContainText('Goodwill credit for the outage');
  await expect(entry).toContainText('+¥25.50');
  await buyer.screenshot({ path: screenshotPath('billing-adjustment-note'), fullPage: true });
});
