import { expect, test } from '@playwright/test';
import { screenshotPath, signUp } from './helpers';

// Issue 12: before submit, the wizard says how many more instances of the chosen type the
// account can launch in the region, and will not submit a launch over a quota.
test('the launch wizard shows the room left by the quotas and refuses to submit beyond it', async ({ page }) => {
  await signUp(page, 'quota');
  await page.goto('/console/instances/new');
  await page.waitForLoadState('networkidle');
  await page.getByRole('radio', { name: /Ubuntu 24\.04/ }).check();
  const room = page.getByTestId('launch-room');
  const submit = page.getByRole('button', { name: /^Launch \d+ instances?$/ });

  await page.getByRole('radio', { name: /ecs\.g7\.large/ }).check();
  await expect(room).toHaveText('You can launch 50 more in this region (at most 50 instances per region; you have 0).');

  await page.getByRole('radio', { name: /ecs\.r7\.2xlarge/ }).check();
  await expect(room).toHaveText('You can launch 25 more of this type in this region (at most 200 vCPUs per region; your instances have 0).');
  await page.getByRole('spinbutton', { name: 'Amount' }).fill('26');
  await expect(room).toContainText('Lower the amount to 25 or less.');
  await expect(submit).toBeDisabled();
  await page.screenshot({ path: screenshotPath('launch-wizard-quota'), fullPage: true });

  await page.getByRole('spinbutton', { name: 'Amount' }).fill('25');
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page).toHaveURL(/launched=25/);

  await page.goto('/console/instances/new');
  await page.waitForLoadState('networkidle');
  await page.getByRole('radio', { name: /Ubuntu 24\.04/ }).check();
  await page.getByRole('radio', { name: /ecs\.g7\.large/ }).check();
  await expect(room).toHaveText('You cannot launch more of this type in this region: your instances have 200 of the 200 vCPUs allowed. Release instances first.');
  await expect(submit).toBeDisabled();
});
