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

export const DEMO_PASSWORD = 'stratus-demo';

/** Signs in as one of the demo accounts (admin@, buyer@, seller@ … stratus.local). */
export async function signInAs(page: Page, email: string, next = '/console/instances') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
  await page.waitForLoadState('networkidle');
}

/** Tops the wallet up through the billing page's simulated payment. */
export async function topUp(page: Page, yuan: number) {
  await page.goto('/console/billing');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Amount (¥)').fill(String(yuan));
  await page.getByRole('button', { name: 'Top up' }).click();
  await expect(page.getByRole('status')).toBeVisible();
}

/** Buys one-time licenses of a product on its page; returns the order id from the orders list. */
export async function buyOneTime(page: Page, productCode: string, quantity = 1): Promise<string> {
  await page.goto(`/marketplace/products/${productCode}`);
  await page.waitForLoadState('networkidle');
  await page.locator('#purchase-region').selectOption('cn-hangzhou');
  const oneTime = await page.locator('#purchase-sku option', { hasText: 'One-time' }).getAttribute('value');
  await page.locator('#purchase-sku').selectOption(oneTime!);
  await page.locator('#purchase-quantity').fill(String(quantity));
  await page.getByRole('button', { name: quantity === 1 ? 'Buy 1 license' : `Buy ${quantity} licenses` }).click();
  await expect(page.getByText('Purchase complete')).toBeVisible();
  await page.goto('/console/orders');
  return (await page.locator('tr[data-order-id]').first().getAttribute('data-order-id'))!;
}
