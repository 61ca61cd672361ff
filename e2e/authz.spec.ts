import { expect, test, type Page } from '@playwright/test';
import { launchFromWizard, signInAs, signUp, useServerDatabase } from './helpers';

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

/** The page answers 404 ("Not found") and holds none of the owner's words but the id asked for. */
async function expectNotFound(page: Page, url: string, secrets: string[]) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  const html = await page.content();
  for (const secret of secrets.filter((s) => !url.includes(s))) expect(html, `${url} shows ${secret}`).not.toContain(secret);
}

/** The page opens, and holds none of the owner's words. */
async function expectNothingOf(page: Page, url: string, secrets: string[]) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  for (const secret of secrets) expect(await page.content(), `${url} shows ${secret}`).not.toContain(secret);
}

/**
 * An account with one of every kind of resource, made through the services: an order, a
 * bucket with a file, an image imported from it (and its task), an AccessKey.
 */
async function ownerWithEverything(email: string) {
  const db = await useServerDatabase();
  const { Readable } = await import('node:stream');
  const { eq } = await import('drizzle-orm');
  const { users } = await import('../db/schema');
  const { newRequestId } = await import('../lib/domain/ids');
  const { creditWallet } = await import('../lib/services/wallet');
  const { purchaseLicenses } = await import('../lib/services/orders');
  const { createBucket, grantImportRole, putObject } = await import('../lib/services/storage');
  const { importImage } = await import('../lib/services/imports');
  const { createAccessKey } = await import('../lib/services/access-keys');
  const user = (await db.select().from(users).where(eq(users.email, email)).limit(1)).at(0)!;
  const owner = { userId: user.id, accountId: user.accountId!, roles: ['buyer' as const], requestId: newRequestId() };
  const tag = Math.random().toString(36).slice(2, 8);
  await creditWallet(owner.accountId, 100_000, 'test_credit');
  const { orderId } = await purchaseLicenses(owner, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 });
  await grantImportRole(owner);
  const bucket = await createBucket(owner, { regionId: 'cn-hangzhou', name: `secret-${tag}` });
  const content = Buffer.alloc(4096, 5);
  await putObject(owner, { bucketId: bucket.id, key: `disk-${tag}.raw`, contentLength: content.length, body: Readable.from([content]) });
  const imageName = `golden-${tag}`;
  const { imageId, taskId } = await importImage(owner, { regionId: 'cn-hangzhou', imageName, diskDeviceMappings: [{ ossBucket: bucket.name, ossObject: `disk-${tag}.raw` }] });
  const { accessKeyId } = await createAccessKey(owner);
  return { accountId: owner.accountId, orderId, bucket, objectKey: `disk-${tag}.raw`, imageId, imageName, taskId, accessKeyId };
}

test("another account finds none of the first account's images, orders, buckets, tasks or keys: 404 where there is a page, and nothing leaked", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerWithEverything(await signUp(await ownerContext.newPage(), 'owner-all'));
  await ownerContext.close();
  const secrets = [owner.accountId, owner.orderId, owner.bucket.id, owner.bucket.name, owner.objectKey, owner.imageId, owner.imageName, owner.taskId, owner.accessKeyId];

  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await signUp(page, 'stranger-all');
  await expectNotFound(page, `/console/images/${owner.imageId}`, secrets);
  await expectNotFound(page, `/console/orders/${owner.orderId}`, secrets);
  await expectNotFound(page, `/console/buckets/${owner.bucket.id}`, secrets);
  // Nor can a stranger write into the bucket.
  const upload = await page.request.put(`/console/api/buckets/${owner.bucket.id}/objects?key=planted.raw`, { data: Buffer.alloc(16), headers: { 'content-type': 'application/octet-stream' } });
  expect(upload.status()).toBe(404);
  expect(await upload.text()).not.toContain(owner.bucket.name);
  // Tasks and AccessKeys have no page of their own: the lists show none of the owner's.
  for (const url of ['/console/tasks', '/console/access-keys', '/console/images', '/console/orders', '/console/buckets', '/console/imports']) await expectNothingOf(page, url, secrets);
  await stranger.close();
});

test("another seller cannot open a seller's delivery: it answers 404 and shows nothing of it", async ({ page }) => {
  // A delivery of a product of another seller than the demo seller, as the outbox writes it.
  const db = await useServerDatabase();
  const { and, eq, ne } = await import('drizzle-orm');
  const { products, sellerDeliveries, users } = await import('../db/schema');
  const demoSeller = (await db.select().from(users).where(eq(users.email, 'seller@stratus.local')).limit(1)).at(0)!;
  const product = (await db.select().from(products).where(and(ne(products.sellerAccountId, demoSeller.accountId!), eq(products.status, 'listed'))).limit(1)).at(0)!;
  const orderId = `o-authz${Math.random().toString(36).slice(2, 8)}`;
  const far = new Date(Date.now() + 365 * 86_400_000); // never due: the worker leaves it alone
  const delivery = (await db
    .insert(sellerDeliveries)
    .values({ sellerAccountId: product.sellerAccountId, productCode: product.code, activity: 'createInstance', orderId, orderLineId: `${orderId}-1`, body: JSON.stringify({ secret: orderId }), status: 'failed', nextAttemptAt: far, createdAt: new Date() })
    .returning())[0];

  await signInAs(page, 'seller@stratus.local', '/seller/deliveries');
  await expectNotFound(page, `/seller/deliveries/${delivery.id}`, [orderId, product.sellerAccountId]);
  await expectNothingOf(page, '/seller/deliveries', [orderId]);
});
