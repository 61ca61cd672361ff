// Issue 16 "Lists like a cloud console" and the toasts of "Feedback and forms": a batch stop
// of 3 instances behind one confirmation with a toast that sums it up, a copy button that puts
// the id on the clipboard, search and sort kept in the URL, and a 128-character name that does
// not widen the table at 1280 px.
import { expect, test, type Page } from '@playwright/test';
import { launchFromWizard, screenshotPath, signUp } from './helpers';

const rows = (page: Page) => page.locator('tr[data-instance-id]');

async function shoot(page: Page, name: string) {
  for (const [label, size] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: screenshotPath(`${name}-${label}`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a batch stop of 3 instances, a copy button, search and sort in the URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signUp(page, 'lists');
  await launchFromWizard(page, { amount: 3, name: 'batch' });
  await expect(page).toHaveURL(/region=cn-hangzhou/);
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).getByText('Running', { exact: true })).toHaveCount(3, { timeout: 20_000 });

  // Select every row, then one confirmation names the three instances.
  await page.getByRole('checkbox', { name: 'Select every row on this page' }).check();
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.getByRole('toolbar').getByRole('button', { name: 'Stop', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Stop 3 instances' });
  await expect(dialog.getByText('These will stop:')).toBeVisible();
  for (const name of ['batch-001', 'batch-002', 'batch-003']) await expect(dialog.getByText(name)).toBeVisible();
  await page.screenshot({ path: screenshotPath('instances-batch-confirm') });
  await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByText('3 instances stopped')).toBeVisible();
  await expect(rows(page).getByText('Stopped', { exact: true })).toHaveCount(3);
  await page.screenshot({ path: screenshotPath('instances-batch-toast') });

  // A second stop of the same three: each is refused, and the toast says why.
  await page.getByRole('checkbox', { name: 'Select every row on this page' }).check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('dialog').getByText('Left as they are (their status does not allow it):')).toBeVisible();
  await page.keyboard.press('Escape');

  // The copy button puts the id on the clipboard and says so.
  const first = rows(page).first();
  const id = await first.getAttribute('data-instance-id');
  await first.getByRole('button', { name: 'Copy instance ID' }).click();
  await expect(page.getByText('instance ID copied').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);

  // Search and sort live in the URL, with the region; a reload keeps them.
  await page.getByRole('searchbox').fill('batch-002');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/q=batch-002/);
  await expect(page).toHaveURL(/region=cn-hangzhou/);
  await expect(rows(page)).toHaveCount(1);
  await page.goto('/console/instances?region=cn-hangzhou');
  await page.getByRole('link', { name: /Name \/ ID/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows(page).first()).toContainText('batch-001');
  await page.getByRole('link', { name: /Name \/ ID/ }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(rows(page).first()).toContainText('batch-003');
  await page.reload();
  await expect(page.getByRole('columnheader', { name: /Name \/ ID/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first()).toContainText('batch-003');

  // A hand-edited page number past the end shows the last page, not an empty table (issue 16 review).
  await page.goto('/console/instances?region=cn-hangzhou&page=999999');
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByText('Page 1 of 1')).toBeVisible();

  // Another region's list is its own: the header's selector moves the URL's region.
  await page.getByRole('banner').getByLabel('Region').selectOption('cn-beijing');
  await expect(page).toHaveURL(/region=cn-beijing/);
  await expect(rows(page)).toHaveCount(0);
  await page.getByRole('banner').getByLabel('Region').selectOption('cn-hangzhou');
  await expect(rows(page)).toHaveCount(3);
});

test('a 128-character name is cut, whole on hover, and no list is wider than the screen at 1280 px', async ({ page }) => {
  await signUp(page, 'long');
  const long = `a${'b'.repeat(127)}`;
  await launchFromWizard(page, { amount: 1, name: long });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('link', { name: long })).toHaveAttribute('title', long);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const tableOverflow = () => page.evaluate(() => [...document.querySelectorAll('table')].map((t) => t.scrollWidth - t.parentElement!.clientWidth));
  expect(await overflow()).toBeLessThanOrEqual(0);
  expect(Math.max(...(await tableOverflow()))).toBeLessThanOrEqual(0);
  await shoot(page, 'instances-list');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '搜索' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('instances-list-zh') });
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
  // An image being made from it: its row shows the task's progress, and the Actions column stays in the table.
  await expect(rows(page).getByText('Running', { exact: true })).toHaveCount(1, { timeout: 20_000 });
  await page.getByRole('link', { name: long }).click();
  await page.getByRole('button', { name: 'Create image' }).click();
  await page.getByRole('dialog').getByLabel('Image name').fill(`${long.slice(0, 100)}-image`);
  await page.getByRole('dialog').getByRole('button', { name: 'Create image' }).click();
  await expect(page).toHaveURL(/owner=self/);
  await expect(page.getByText('Creating the image')).toBeVisible();
  await expect(page.locator('[data-task-status="Processing"]')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  expect(Math.max(...(await tableOverflow()))).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('list-images-processing') });
  for (const path of ['/console/images?owner=system', '/console/orders', '/console/tasks', '/console/buckets']) {
    await page.goto(path);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await overflow(), path).toBeLessThanOrEqual(0);
    await shoot(page, `list-${path.split('/')[2].split('?')[0]}`);
  }
});
