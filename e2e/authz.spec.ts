import { expect, test } from '@playwright/test';
import { launchFromWizard, signUp } from './helpers';

test("another account cannot open the first account's instance: it answers 404", async ({ browser }) => {
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signUp(ownerPage, 'owner');
  await launchFromWizard(ownerPage, { amount: 1, name: 'private' });
  await ownerPage.locator('tr', { hasText: 'private' }).getByRole('link', { name: 'private' }).click();
  await expect(ownerPage.getByRole('heading', { name: /private/ })).toBeVisible();
  const url = ownerPage.url();

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await signUp(strangerPage, 'stranger');
  const response = await strangerPage.goto(url);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(strangerPage.getByText('private')).toHaveCount(0);
  await expect(strangerPage.locator('tr[data-instance-id]')).toHaveCount(0);

  await owner.close();
  await stranger.close();
});

test('the console needs a session; the test clock is answered only in test mode', async ({ page, request }) => {
  await page.goto('/console/instances');
  await expect(page).toHaveURL(/\/sign-in$/);
  const clock = await request.get('/api/test/clock');
  expect(clock.status()).toBe(200); // this suite runs the server in test mode
});
