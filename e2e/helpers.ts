import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Signs up through the real form and lands on the instance list. */
export async function signUp(page: Page, tag = 'user'): Promise<string> {
  const email = uniqueEmail(tag);
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(`E2E ${tag}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/console\/instances$/);
  return email;
}

/** Launches instances through the wizard; returns once the list shows them. */
export async function launchFromWizard(page: Page, { amount, name, image = /Ubuntu 24\.04/, type = 'ecs.g7.large' }: { amount: number; name: string; image?: RegExp; type?: string }) {
  await page.goto('/console/instances/new');
  await page.waitForLoadState('networkidle'); // controlled inputs need React attached
  await page.getByRole('radio', { name: image }).check();
  await page.getByRole('radio', { name: new RegExp(type.replaceAll('.', '\\.')) }).check();
  await page.getByRole('spinbutton', { name: 'Amount' }).fill(String(amount));
  await page.getByRole('textbox', { name: 'Instance name' }).fill(name);
  await page.getByRole('button', { name: amount === 1 ? 'Launch 1 instance' : `Launch ${amount} instances` }).click();
  await expect(page).toHaveURL(new RegExp(`launched=${amount}`));
}

export function screenshotPath(name: string): string {
  return `test-results/screens/${name}.png`;
}
