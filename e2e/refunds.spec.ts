import { expect, test, type Page } from '@playwright/test';
import { buyOneTime, screenshotPath, signInAs, signUp, topUp } from './helpers';

// Issue 7's journey (REF-1 … REF-5): a buyer buys and asks for a refund; a second buyer asks,
// then deploys the license; the admin sees the facts, approves the first (the money returns)
// and is refused, with the reason, for the second (REF-2 re-checked at approval).

async function requestRefund(page: Page, orderId: string, reason: string) {
  await page.goto(`/console/orders/${orderId}`);
  await page.waitForLoadState('networkidle');
  const panel = page.getByTestId('refund-panel');
  await expect(panel).toContainText('This order can be refunded.');
  await expect(panel).toContainText(/left, until/);
  await expect(panel).toContainText('10 of 10');
  await panel.getByLabel('Why do you want a refund?').fill(reason);
  await panel.getByRole('button', { name: 'Request a refund' }).click();
  // The page now shows the request instead of the form.
  await expect(panel.getByTestId('refund-request')).toContainText('Waiting for review');
  await expect(panel.getByRole('button', { name: 'Request a refund' })).toHaveCount(0);
}

test('a refund is approved and the money returns; a license deployed after the request is refused at approval', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();

  await signUp(first, 'refund-first');
  await topUp(first, 500);
  const firstOrder = await buyOneTime(first, 'lnmp000101');
  await requestRefund(first, firstOrder, 'Bought the wrong stack');
  await first.screenshot({ path: screenshotPath('order-refund-requested'), fullPage: true });

  await signUp(second, 'refund-second');
  await topUp(second, 500);
  const secondOrder = await buyOneTime(second, 'lnmp000101');
  await requestRefund(second, secondOrder, 'Not needed after all');
  // …and then launches from the product anyway: the license is deployed before the admin decides.
  await second.goto('/console/instances/new?region=cn-hangzhou');
  await second.waitForLoadState('networkidle');
  await second.getByRole('tab', { name: 'Marketplace' }).click();
  await second.getByRole('searchbox', { name: 'Filter images by name, product or platform' }).fill('lnmp');
  await second.getByRole('radio', { name: /LNMP Stack/ }).first().check();
  await second.getByRole('button', { name: 'Launch 1 instance' }).click();
  await expect(second).toHaveURL(/launched=1/);

  await signInAs(admin, 'admin@stratus.local', '/admin/refunds');
  const firstItem = admin.locator('[data-review-item]', { hasText: firstOrder });
  const secondItem = admin.locator('[data-review-item]', { hasText: secondOrder });
  await expect(firstItem.getByTestId('verdict')).toHaveText('Eligible: every rule is met');
  await expect(firstItem).toContainText('Bought the wrong stack');
  await expect(secondItem.getByTestId('verdict')).toHaveText('Not eligible: a license has been deployed');
  await admin.screenshot({ path: screenshotPath('admin-refund-queue'), fullPage: true });

  await firstItem.getByRole('button', { name: 'Approve' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(firstItem).toHaveCount(0);

  await secondItem.getByRole('button', { name: 'Approve' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(secondItem.getByRole('alert')).toContainText('Licenses that were ever deployed cannot be refunded');
  await admin.screenshot({ path: screenshotPath('admin-refund-refused'), fullPage: true });

  // The first buyer has the money back and sees the decision.
  await first.goto('/console/billing');
  await expect(first.getByTestId('billing-balance')).toHaveText('¥500.00');
  await expect(first.getByTestId('spend-total')).toHaveText('¥0.00 in 30 days'); // bought and refunded: net nothing
  await second.goto('/console/billing');
  await expect(second.getByTestId('spend-total')).toContainText('¥99.00');
  await second.screenshot({ path: screenshotPath('billing'), fullPage: true });
  await first.goto(`/console/orders/${firstOrder}`);
  await expect(first.getByTestId('refund-request')).toContainText('Approved — refunded to your wallet');
  await expect(first.getByText('Refunded', { exact: true }).first()).toBeVisible();
  await second.goto(`/console/orders/${secondOrder}`);
  await expect(second.getByTestId('refund-panel')).toContainText('Yes — deployed licenses');
  await expect(second.getByTestId('refund-request')).toContainText('Waiting for review');
});
