import { expect, test } from '@playwright/test';
import { PASSWORD, screenshotPath, signUp, signUpThroughForm } from './helpers';

test('a new user signs up, launches 2 instances, stops one, releases one and signs out', async ({ page }) => {
  const email = await signUpThroughForm(page, 'journey');
  await expect(page.getByRole('heading', { name: 'No instances here yet' })).toBeVisible();

  // The wizard shows the hourly price of the whole launch before anything is created.
  await page.getByRole('link', { name: 'Launch instances' }).first().click();
  await page.getByRole('radio', { name: /Ubuntu 24\.04/ }).check();
  await page.getByRole('radio', { name: /ecs\.g7\.large/ }).check();
  await page.getByRole('spinbutton', { name: 'Amount' }).fill('2');
  await page.getByRole('textbox', { name: 'Instance name' }).fill('web');
  await expect(page.getByTestId('hourly-total')).toHaveText('¥1.52/hour');
  await page.screenshot({ path: screenshotPath('launch-wizard'), fullPage: true });
  await page.getByRole('button', { name: 'Launch 2 instances' }).click();

  await expect(page).toHaveURL(/launched=2/);
  const rows = page.locator('tr[data-instance-id]');
  await expect(rows).toHaveCount(2);
  // They boot in the background and the list updates by itself.
  await expect(rows.locator('[data-status="Running"]')).toHaveCount(2);
  await page.screenshot({ path: screenshotPath('instance-list'), fullPage: true });

  const first = page.locator('tr', { hasText: 'web-001' });
  await first.getByRole('button', { name: 'Stop' }).click();
  await expect(first.locator('[data-status="Stopped"]')).toBeVisible();

  const second = page.locator('tr', { hasText: 'web-002' });
  await second.getByRole('button', { name: 'Release' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('web-002');
  await dialog.getByRole('button', { name: 'Release' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.locator('tr', { hasText: 'web-002' })).toHaveCount(0);

  // Released instances are still found by their status.
  await page.getByLabel('Status').selectOption('Released');
  await expect(page.locator('tr', { hasText: 'web-002' }).locator('[data-status="Released"]')).toBeVisible();

  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/console/instances');
  await expect(page).toHaveURL(/\/sign-in$/);

  // Signing in again shows the same instances.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('tr', { hasText: 'web-001' }).locator('[data-status="Stopped"]')).toBeVisible();
});

test('bad launch input shows a readable error next to the field and creates nothing', async ({ page }) => {
  await signUp(page, 'badinput');
  await page.goto('/console/instances/new');
  await page.getByRole('radio', { name: /Debian 12/ }).check();
  await page.getByRole('spinbutton', { name: 'Amount' }).fill('101');
  await page.getByRole('button', { name: /Launch/ }).last().click();
  await expect(page.getByText('Amount must be a whole number from 1 to 100.')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Amount' }).fill('1');
  await page.getByRole('textbox', { name: 'Instance name' }).fill('9-starts-with-digit');
  await page.getByRole('button', { name: 'Launch 1 instance' }).click();
  await expect(page.getByText(/The instance name must be 2–128 characters/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Instance name' })).toHaveValue('9-starts-with-digit');
  await page.goto('/console/instances');
  await expect(page.getByRole('heading', { name: 'No instances here yet' })).toBeVisible();
});

test('wrong password is refused with a readable message', async ({ page }) => {
  const email = await signUp(page, 'wrongpw');
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is wrong.' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email); // nothing typed is lost
  await page.screenshot({ path: screenshotPath('sign-in-error') });
});

test('the console speaks 简体中文 when asked, and remembers the region', async ({ page }) => {
  await signUp(page, 'zh');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '实例', exact: true })).toBeVisible();
  await page.getByRole('banner').getByLabel('地域').selectOption('cn-beijing');
  await page.goto('/console/instances/new');
  await expect(page.getByRole('radio', { name: '华北2（北京）' })).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: screenshotPath('launch-wizard-zh'), fullPage: true });
});
