import { expect, test, type Page } from '@playwright/test';
import { screenshotPath, signInAs, useServerDatabase } from './helpers';

// Issue 16, "Works on a phone" and "Accessibility and languages": axe-core (WCAG 2.1 A/AA) finds
// no critical or serious violation on any console, seller or admin page; no page scrolls
// sideways at 390 px; the phone's navigation drawer; focus back on a dialog's opener.

test.use({ bypassCSP: true }); // axe is injected as a script of the test's own

const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

type Fixture = { scalingGroupId: string; instanceId: string; imageId: string; bucketId: string; orderId: string; productCode: string; deliveryId: string };

/**
 * Something on every page of the demo buyer and seller, written through the services: a running
 * instance, a custom image made from it and shared with the second demo buyer, a scaling group
 * of no instances, a bucket; the
 * license of one of the demo seller's products bought, and its delivery to the seller.
 */
async function seedFixture(): Promise<Fixture> {
  const db = await useServerDatabase();
  const { and, eq } = await import('drizzle-orm');
  const { images, products, sellerDeliveries, users } = await import('../db/schema');
  const { newRequestId } = await import('../lib/domain/ids');
  const { loadActor } = await import('../lib/services/accounts');
  const { runInstances, completeBoot } = await import('../lib/services/instances');
  const { createImage, advanceImageTask } = await import('../lib/services/images');
  const { modifyImageSharePermission } = await import('../lib/services/sharing');
  const { createBucket } = await import('../lib/services/storage');
  const { createScalingGroup } = await import('../lib/services/scaling-groups');
  const { purchaseLicenses } = await import('../lib/services/orders');
  const actorOf = async (email: string) => (await loadActor((await db.select().from(users).where(eq(users.email, email)).limit(1)).at(0)!.id, newRequestId()))!.actor;
  const buyer = await actorOf('buyer@stratus.local');

  const suffix = Math.random().toString(36).slice(2, 8);
  const system = (await db.select().from(images).where(and(eq(images.kind, 'system'), eq(images.regionId, 'cn-hangzhou'))).limit(1)).at(0)!;
  const [instanceId] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: system.id, instanceTypeId: 'ecs.g7.large', amount: 1, name: `a11y-${suffix}` })).instanceIds;
  await completeBoot(buyer, [instanceId]);
  const { imageId, taskId } = await createImage(buyer, { instanceId, name: `a11y-image-${suffix}` });
  for (let i = 0; i < 100 && (await db.select().from(images).where(eq(images.id, imageId)).limit(1)).at(0)!.status !== 'Available'; i++) await advanceImageTask(taskId);
  await modifyImageSharePermission(buyer, { imageId, addAccounts: ['buyer2@stratus.local'] });
  const scalingGroupId = (await createScalingGroup(buyer, { name: `a11y-${suffix}`, regionId: 'cn-hangzhou', imageId: system.id, instanceTypeId: 'ecs.g7.large', minSize: 0, maxSize: 1 })).id;
  const bucketId = (await createBucket(buyer, { regionId: 'cn-hangzhou', name: `a11y-${suffix}` })).id;
  const productCode = 'lnmp000101'; // the demo seller's
  // Another of its products, no other test's, gets an interface (written as market-api.spec.ts
  // does: this process is not in test mode), so the purchase makes a delivery.
  await db.update(products).set({ interfaceUrl: 'http://127.0.0.1:9/calls' }).where(eq(products.code, 'wpss000102'));
  const { orderId } = await purchaseLicenses(buyer, { productCode: 'wpss000102', skuCode: 'wpss000102-per_instance', regionId: 'cn-hangzhou', quantity: 1 });
  const deliveryId = String((await db.select().from(sellerDeliveries).where(eq(sellerDeliveries.orderId, orderId)).limit(1)).at(0)!.id);
  return { scalingGroupId, instanceId, imageId, bucketId, orderId, productCode, deliveryId };
}

const pages = {
  buyer: (f: Fixture) => [
    '/console/instances',
    '/console/instances/new',
    `/console/instances/${f.instanceId}`,
    '/console/scaling',
    '/console/scaling/new',
    `/console/scaling/${f.scalingGroupId}`,
    '/console/images',
    '/console/images?owner=self',
    `/console/images/${f.imageId}`,
    '/console/tasks',
    '/console/licenses',
    '/console/orders',
    `/console/orders/${f.orderId}`,
    '/console/buckets',
    `/console/buckets/${f.bucketId}`,
    '/console/imports',
    '/console/billing',
    '/console/access-keys',
    '/console/notifications',
    '/seller/apply',
  ],
  seller: (f: Fixture) => ['/seller', '/seller/products', '/seller/products/new', `/seller/products/${f.productCode}`, '/seller/products/wpss000102' /* with an interface: its debug panel */, '/seller/deliveries', `/seller/deliveries/${f.deliveryId}`, '/seller/keys', '/seller/settlement'],
  admin: () => ['/admin/seller-applications', '/admin/listings', '/admin/refunds', '/admin/accounts', '/admin/instances', '/admin/audit', '/admin/settings'],
};

/** The pages photographed at 1440×900 and 390×844 on the way (test-results/screens/a11y-…). */
const screenshots = new Set(['/console/instances', '/console/instances/new', '/console/orders', '/seller', '/seller/products', '/admin/refunds', '/admin/audit']);

type Violation = { id: string; impact: string; help: string; nodes: string[] };

/** axe-core's WCAG 2.1 A/AA violations on the page that are critical or serious. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

/** How far the page is wider than the window (0: it does not scroll sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

let fixture: Fixture;
test.beforeAll(async () => {
  fixture = await seedFixture();
});

for (const [role, email] of [['buyer', 'buyer@stratus.local'], ['seller', 'seller@stratus.local'], ['admin', 'admin@stratus.local']] as const) {
  test(`every page of the ${role}: no serious axe violation at 1440 or 390 px, nothing scrolls sideways at 390 px`, async ({ page }) => {
    test.setTimeout(240_000);
    await signInAs(page, email, role === 'buyer' ? '/console/instances' : role === 'seller' ? '/seller' : '/admin/refunds');
    const problems: Record<string, unknown> = {};
    for (const url of pages[role](fixture)) {
      await page.setViewportSize(desktop);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      if (violations.length) problems[`${url} axe`] = violations;
      const shot = screenshots.has(url) && `a11y${url.replaceAll('/', '-')}`;
      if (shot) await page.screenshot({ path: screenshotPath(`${shot}-desktop`) });
      await page.setViewportSize(phone);
      await page.waitForTimeout(100); // one layout at the new width
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems[`${url} at 390 px`] = `${overflow} px too wide`;
      const onPhone = await seriousViolations(page); // tables that scroll in their box, the menu button
      if (onPhone.length) problems[`${url} axe at 390 px`] = onPhone;
      if (shot) await page.screenshot({ path: screenshotPath(`${shot}-phone`), fullPage: true });
    }
    expect(problems).toEqual({});
  });
}

test('signed out, the sign-in and sign-up pages and the marketplace: no serious axe violation, nothing scrolls sideways at 390 px', async ({ page }) => {
  const problems: Record<string, unknown> = {};
  for (const url of ['/sign-in', '/sign-up', '/marketplace', '/marketplace/search?q=mysql', '/marketplace/products/lnmp000101']) {
    for (const [size, viewport] of [['1440 px', desktop], ['390 px', phone]] as const) {
      await page.setViewportSize(viewport);
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      if (violations.length) problems[`${url} axe at ${size}`] = violations;
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems[`${url} at ${size}`] = `${overflow} px too wide`;
    }
  }
  expect(problems).toEqual({});
});

test('in 简体中文 the shell is labelled in Chinese and axe finds nothing serious', async ({ page, baseURL }) => {
  await signInAs(page, 'buyer@stratus.local', '/console/instances');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: baseURL! }]);
  await page.goto('/console/orders');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('我的订单 · Stratus');
  await expect(page.getByRole('navigation', { name: '控制台' })).toBeAttached();
  expect(await seriousViolations(page)).toEqual([]);
});

test('on a phone a menu button opens the navigation as a drawer; Escape and following a link close it', async ({ page }) => {
  await page.setViewportSize(phone);
  await signInAs(page, 'buyer@stratus.local', '/console/instances');
  const menu = page.getByRole('button', { name: 'Open the menu' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden(); // the sidebar gives way

  await menu.click();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await expect(drawer).toBeVisible();
  await page.screenshot({ path: screenshotPath('phone-drawer') });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  // Focus stays inside while it is open.
  await menu.click();
  for (let i = 0; i < 20; i++) await page.keyboard.press('Tab');
  expect(await drawer.evaluate((node) => node.contains(document.activeElement))).toBe(true);

  await drawer.getByRole('link', { name: 'Orders' }).click();
  await expect(page).toHaveURL(/\/console\/orders$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);

  // The seller centre and the admin console have theirs too.
  await page.goto('/seller/apply');
  await page.getByRole('button', { name: 'Open the menu' }).click();
  await expect(page.getByRole('dialog', { name: 'Menu' }).getByRole('navigation', { name: 'Seller centre' })).toBeVisible();
});

test('focus returns to the control that opened a dialog, or near it when that control is gone', async ({ page }) => {
  await signInAs(page, 'buyer@stratus.local', '/console/instances');
  await page.goto(`/console/images/${fixture.imageId}`);
  await page.waitForLoadState('networkidle');
  const panel = page.getByTestId('share-panel');
  const remove = panel.locator('tr[data-recipient]').getByRole('button', { name: 'Remove' });

  await remove.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toBeFocused();

  await remove.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByTestId('share-count')).toHaveText(/^Shared with 0 of/);
  await expect(page.getByRole('dialog')).toBeHidden();
  // The row went with its button: focus lands in the panel, not on the page body.
  await expect(panel.getByLabel('Share with')).toBeFocused();
});
