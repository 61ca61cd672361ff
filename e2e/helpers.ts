import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/**
 * A fresh account, signed in: opened by the test-mode route /api/test/session (the form's own
 * sign-up, without the form), whose session cookie lands in the page's context; then on the
 * instance list. One journey (instances.spec.ts) signs up through the form itself.
 */
export async function signUp(page: Page, tag = 'user'): Promise<string> {
  const email = uniqueEmail(tag);
  const response = await page.request.post('/api/test/session', { data: { name: `E2E ${tag}`, email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  await page.goto('/console/instances');
  await expect(page).toHaveURL(/\/console\/instances$/);
  return email;
}

/** Signs up through the real form and lands on the instance list. */
export async function signUpThroughForm(page: Page, tag = 'user'): Promise<string> {
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
  // Issue 16: the order review comes first.
  await page.getByRole('dialog', { name: 'Review your order' }).getByRole('button', { name: /^Pay ¥/ }).click();
  await expect(page.getByText('Purchase complete')).toBeVisible();
  await page.goto('/console/orders');
  return (await page.locator('tr[data-order-id]').first().getAttribute('data-order-id'))!;
}

/**
 * The running server's own database, installed as this process's handle, for fixtures written
 * through the services (style.md: fixtures through the services, not the UI).
 */
export async function useServerDatabase() {
  const { openAt, useDatabase } = await import('../db/client');
  // The server's database: its SQLite file, or the PostgreSQL database it was started on (issue 15).
  const db = openAt(process.env.DATABASE_URL ?? path.join(process.env.E2E_DATA_DIR ?? '/tmp/stratus-e2e', 'stratus.db'));
  useDatabase(db);
  return db;
}

/** The demo operator as an actor of the services, for fixtures an admin would make. */
export async function demoAdmin() {
  const db = await useServerDatabase();
  const { eq } = await import('drizzle-orm');
  const { users } = await import('../db/schema');
  const { newRequestId } = await import('../lib/domain/ids');
  const admin = (await db.select().from(users).where(eq(users.email, 'admin@stratus.local')).limit(1)).at(0)!;
  return { userId: admin.id, accountId: admin.accountId!, roles: ['buyer', 'admin'] as ('buyer' | 'admin')[], requestId: newRequestId() };
}

/** An SDK call's error code (both SDKs put it in `code`), or 'ok'. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
}
