import { expect, test } from '@playwright/test';
import { launchFromWizard, screenshotPath, signUp } from './helpers';

// Issue 4's journey, owner and recipient in two browser contexts (SHR-9 … SHR-12).
test('an owner shares an image by email; the recipient launches it; after unsharing, the recipient’s ReInitDisk fails readably', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const recipientContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const recipient = await recipientContext.newPage();
  const recipientEmail = await signUp(recipient, 'recipient');
  await signUp(owner, 'owner');

  // The owner makes a custom image from an instance.
  await launchFromWizard(owner, { amount: 1, name: 'golden', image: /Debian 12/ });
  await expect(owner.locator('tr', { hasText: 'golden' }).locator('[data-status="Running"]')).toBeVisible();
  await owner.locator('tr', { hasText: 'golden' }).getByRole('link', { name: 'golden' }).click();
  await owner.getByRole('button', { name: 'Create image' }).click();
  await owner.getByRole('dialog').getByLabel('Image name').fill('golden-image');
  await owner.getByRole('dialog').getByRole('button', { name: 'Create image' }).click();
  await expect(owner).toHaveURL(/\/console\/images\?owner=self/);
  const row = owner.locator('tr', { hasText: 'golden-image' });
  await expect(row.getByRole('link', { name: 'Launch' })).toBeVisible({ timeout: 30_000 }); // the task finished: Available
  await row.getByRole('link', { name: 'golden-image' }).click();

  // Share by email, with the reminder to clean sensitive data (SHR-10, SHR-11).
  const panel = owner.getByTestId('share-panel');
  await expect(panel.getByRole('note')).toContainText('remove sensitive data');
  await panel.getByLabel('Share with').fill(recipientEmail);
  await panel.getByRole('button', { name: 'Share' }).click();
  await expect(panel.getByTestId('share-count')).toHaveText('Shared with 1 of 50');

  // The recipient is told, sees the image under "Shared with me", and launches it (SHR-8, SHR-12).
  await recipient.goto('/console/instances');
  await expect(recipient.getByTestId('unread-count')).toHaveText('1');
  await recipient.getByTestId('notification-bell').click();
  await expect(recipient.locator('[data-notification="imageShared"]')).toContainText('golden-image');
  await recipient.goto('/console/images?owner=others');
  const shared = recipient.locator('tr', { hasText: 'golden-image' });
  await shared.getByRole('link', { name: 'Launch' }).click();
  await expect(recipient.getByRole('tab', { name: 'Shared with me' })).toHaveAttribute('aria-selected', 'true');
  await recipient.getByRole('textbox', { name: 'Instance name' }).fill('from-shared');
  await recipient.getByRole('button', { name: 'Launch 1 instance' }).click();
  await expect(recipient.locator('tr', { hasText: 'from-shared' }).locator('[data-status="Running"]')).toBeVisible();

  // The owner sees "1 instance" for that recipient and the impact warning before removing.
  await owner.reload();
  const recipientRow = panel.locator('tr[data-recipient]');
  await expect(recipientRow.getByTestId('recipient-instances')).toHaveText('1 instance');
  await owner.screenshot({ path: screenshotPath('image-sharing'), fullPage: true });
  await recipientRow.getByRole('button', { name: 'Remove' }).click();
  await expect(owner.getByRole('dialog')).toContainText('runs 1 instance from this image');
  await owner.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByTestId('share-count')).toHaveText('Shared with 0 of 50');

  // The recipient's instance keeps running; re-initialising its disk fails with a readable reason (SHR-9).
  await recipient.reload();
  const instance = recipient.locator('tr', { hasText: 'from-shared' });
  await expect(instance.locator('[data-status="Running"]')).toBeVisible();
  await instance.getByRole('button', { name: 'Stop' }).click();
  await expect(instance.locator('[data-status="Stopped"]')).toBeVisible();
  await instance.getByRole('link', { name: 'from-shared' }).click();
  await recipient.getByRole('button', { name: 'Re-initialise disk' }).click();
  await recipient.getByRole('dialog').getByRole('button', { name: 'Re-initialise disk' }).click();
  await expect(recipient.getByRole('dialog').getByRole('alert')).toContainText('no longer shared with you');
  await recipient.screenshot({ path: screenshotPath('reinit-refused') });

  // Shared again, the recipient declines it from its list; the owner's count drops (SHR-8).
  await panel.getByLabel('Share with').fill(recipientEmail);
  await panel.getByRole('button', { name: 'Share' }).click();
  await expect(panel.getByTestId('share-count')).toHaveText('Shared with 1 of 50');
  await recipient.goto('/console/images?owner=others');
  await recipient.locator('tr', { hasText: 'golden-image' }).getByRole('button', { name: 'Decline' }).click();
  await recipient.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
  await expect(recipient.getByRole('heading', { name: 'No image is shared with you in this region' })).toBeVisible();
  await owner.reload();
  await expect(panel.getByTestId('share-count')).toHaveText('Shared with 0 of 50');

  await ownerContext.close();
  await recipientContext.close();
});
