import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshotPath, signUp } from './helpers';

// Issue 5's journey: bucket, a 50 MB upload with its progress bar, authorisation (IMP-2),
// import (IMP-7) twice with the same ClientToken (IMP-8), progress, and a launch from the image.
test('a buyer uploads a 50 MB disk, authorises, imports it, watches the task and launches the image', async ({ page, context }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-e2e-upload-')), 'ubuntu-disk.raw');
  fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x5a));
  await signUp(page, 'importer');

  await page.goto('/console/buckets');
  await page.getByLabel('New bucket name').fill('disk-images');
  await page.getByRole('button', { name: 'Create bucket' }).click();
  await page.getByRole('link', { name: 'disk-images' }).click();

  // Slow the upload down enough to watch the bar move (50 MB at 25 MB/s).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 25 * 1024 * 1024 });
  await page.waitForLoadState('networkidle');
  await page.getByLabel('File to upload').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'Upload progress' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: screenshotPath('upload-progress') });
  await expect(page.getByText('ubuntu-disk.raw is uploaded.')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('tr[data-object="ubuntu-disk.raw"]')).toContainText('50.0 MiB');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // Authorise the image service, then import.
  await page.goto('/console/imports');
  await expect(page.getByTestId('import-role')).toContainText('Authorise the image service');
  await page.getByRole('button', { name: 'Authorise in one click' }).click();
  await expect(page.getByTestId('import-role')).toContainText('may read your buckets');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Image name').fill('9bad');
  await expect(page.getByText(/The image name must be 2–128 characters/)).toBeVisible(); // checked as the user types
  await page.getByLabel('Image name').fill('imported-ubuntu');
  await page.getByLabel('Platform').selectOption('Ubuntu');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Importing image m-');
  const first = await result.textContent();
  const imageId = /m-[a-z0-9]{20}/.exec(first!)![0];
  await page.screenshot({ path: screenshotPath('import-started'), fullPage: true });

  // The same form sent again carries the same ClientToken: the same image, no second import.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(result).toHaveText(first!);

  await page.getByRole('link', { name: 'Follow its progress' }).click();
  const task = page.locator('[data-task-status]').first();
  await expect(task).toHaveAttribute('data-task-status', 'Finished', { timeout: 30_000 });
  await expect(page.locator('tr', { hasText: 'Import image' })).toHaveCount(1);

  // A file declared VHD that is not one: the task fails and says why, in words (IMP-6).
  await page.goto('/console/imports');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Image name').fill('not-a-vhd');
  await page.getByLabel('File format').selectOption('VHD');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('link', { name: 'Follow its progress' }).click();
  const failed = page.locator('tr', { hasText: 'not-a-vhd' });
  await expect(failed).toContainText('The file is not a VHD disk: it reads as RAW.', { timeout: 30_000 });

  await page.goto(`/console/instances/new?region=cn-hangzhou&image=${imageId}`);
  await expect(page.getByRole('tab', { name: 'My images' })).toHaveAttribute('aria-selected', 'true');
  await page.waitForLoadState('networkidle');
  await page.getByRole('textbox', { name: 'Instance name' }).fill('from-import');
  await page.getByRole('button', { name: 'Launch 1 instance' }).click();
  await expect(page.locator('tr', { hasText: 'from-import' }).locator('[data-status="Running"]')).toBeVisible();
});
