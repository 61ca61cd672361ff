// Issue 8: the real Alibaba Cloud SDKs, unchanged, against the running server (API-1 … API-5).
import RPCClient from '@alicloud/pop-core';
import EcsModule, * as $Ecs from '@alicloud/ecs20140526';
import * as $OpenApi from '@alicloud/openapi-client';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { v1Signature } from '../lib/domain/signatures';
import { codeOf, PASSWORD, signUp, topUp, useServerDatabase } from './helpers';

test.describe.configure({ mode: 'serial' });

// Two fresh accounts of this file's own (not the demo buyers other tests use), each funded and
// with an AccessKey made on the console's page.
type Who = { email: string; password: string; accountId: string; accessKeyId: string; accessKeySecret: string };
let accounts: Who[] = [];
test.beforeAll(async ({ browser }) => {
  accounts = [await freshAccount(browser, 'api-a'), await freshAccount(browser, 'api-b')];
});
async function freshAccount(browser: Browser, tag: string): Promise<Who> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = await signUp(page, tag);
  await topUp(page, 2000);
  await page.goto('/console/access-keys');
  await page.getByRole('button', { name: 'Create AccessKey' }).click();
  const accessKeyId = (await page.getByTestId('new-key-id').textContent())!;
  const accessKeySecret = (await page.getByTestId('new-key-secret').textContent())!;
  await context.close();
  const { eq } = await import('drizzle-orm');
  const { users } = await import('../db/schema');
  const user = (await (await useServerDatabase()).select().from(users).where(eq(users.email, email)).limit(1)).at(0)!;
  return { email, password: PASSWORD, accountId: user.accountId!, accessKeyId, accessKeySecret };
}
const Ecs = ((EcsModule as unknown as { default?: typeof EcsModule }).default ?? EcsModule) as typeof EcsModule;

function pop(baseURL: string, key: { accessKeyId: string; accessKeySecret: string }) {
  return new RPCClient({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: baseURL, apiVersion: '2014-05-26' });
}
function ecs(baseURL: string, key: { accessKeyId: string; accessKeySecret: string }) {
  return new Ecs(new $OpenApi.Config({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: new URL(baseURL).host, protocol: 'http', regionId: 'cn-hangzhou' }));
}
async function buyLicenses(who: Who, productCode: string, quantity: number) {
  await useServerDatabase();
  const { purchaseLicenses } = await import('../lib/services/orders');
  const { newRequestId } = await import('../lib/domain/ids');
  await purchaseLicenses({ userId: null, accountId: who.accountId, roles: ['buyer'], requestId: newRequestId() }, { productCode, skuCode: `${productCode}-per_instance`, regionId: 'cn-hangzhou', quantity });
}
async function signIn(page: Page, who: Who) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console\//);
}
const systemImage = async (client: RPCClient) =>
  ((await client.request('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'system', OSType: 'linux', PageSize: 1 })) as { Images: { Image: { ImageId: string }[] } }).Images.Image[0].ImageId;
const marketplaceImage = async (client: RPCClient, code: string) =>
  ((await client.request('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'marketplace', ProductCode: code })) as { Images: { Image: { ImageId: string }[] } }).Images.Image[0].ImageId;
async function waitRunning(client: RPCClient, ids: string[]) {
  await expect
    .poll(async () => ((await client.request('DescribeInstances', { RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify(ids) })) as { Instances: { Instance: { Status: string }[] } }).Instances.Instance.map((i) => i.Status), { timeout: 20_000 })
    .toEqual(ids.map(() => 'Running'));
}

test('both SDKs describe regions and images with filters and paging; errors reach both', async ({ baseURL }) => {
  const [buyer] = accounts;
  const regions = (await pop(baseURL!, buyer).request('DescribeRegions', {})) as { RequestId: string; Regions: { Region: { RegionId: string }[] } };
  expect(regions.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  expect(regions.Regions.Region.map((r) => r.RegionId)).toContain('cn-hangzhou');
  const viaAcs3 = await ecs(baseURL!, buyer).describeRegions(new $Ecs.DescribeRegionsRequest({}));
  expect(viaAcs3.body?.regions?.region?.length).toBe(6);

  const page1 = (await pop(baseURL!, buyer).request('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'system', PageSize: 4, PageNumber: 1 }, { method: 'POST' })) as { TotalCount: number; PageSize: number; Images: { Image: { ImageId: string; ImageOwnerAlias: string }[] } };
  expect(page1.PageSize).toBe(4);
  expect(page1.Images.Image).toHaveLength(4);
  expect(page1.TotalCount).toBeGreaterThan(4);
  expect(page1.Images.Image.every((i) => i.ImageOwnerAlias === 'system')).toBe(true);
  // ProductCode is a Stratus filter (API-4) the generated SDK has no field for; pop-core sends any parameter.
  const lnmp = (await pop(baseURL!, buyer).request('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'marketplace', ProductCode: 'lnmp000101' })) as { Images: { Image: { ProductCode: string; ImageOwnerAlias: string; IsSubscribed: boolean }[] } };
  expect(lnmp.Images.Image.map((i) => [i.ProductCode, i.ImageOwnerAlias, i.IsSubscribed])).toEqual([
    ['lnmp000101', 'marketplace', false],
    ['lnmp000101', 'marketplace', false],
  ]);
  const market = await ecs(baseURL!, buyer).describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', imageOwnerAlias: 'marketplace', pageSize: 5, pageNumber: 2 }));
  expect(market.body?.pageNumber).toBe(2);
  expect(market.body?.images?.image).toHaveLength(5);
  expect(market.body?.images?.image?.every((i) => i.imageOwnerAlias === 'marketplace' && i.productCode)).toBe(true);

  expect(await codeOf(pop(baseURL!, buyer).request('DescribeImages', { RegionId: 'cn-hangzhou', PageSize: 101 }))).toBe('InvalidPageSize.Malformed');
  const acs3Error = await ecs(baseURL!, buyer).describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', pageSize: 101 })).catch((e) => e);
  expect([acs3Error.code, acs3Error.statusCode]).toEqual(['InvalidPageSize.Malformed', 400]);
  const unknown = await fetch(`${baseURL}/api/ecs?Action=Nope`);
  expect(unknown.headers.get('content-type')).toContain('application/json');
});

test('RunInstances: QuotaExceed.BuyImage reaches both SDKs; DryRun; ClientToken; the instance lifecycle and disks', async ({ baseURL }) => {
  const [buyer] = accounts;
  const client = pop(baseURL!, buyer);
  const lnmp = await marketplaceImage(client, 'lnmp000101');
  expect(await codeOf(client.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: lnmp, InstanceType: 'ecs.g7.large', Amount: 2 }, { method: 'POST' }))).toBe('QuotaExceed.BuyImage');
  const acs3 = await ecs(baseURL!, buyer).runInstances(new $Ecs.RunInstancesRequest({ regionId: 'cn-hangzhou', imageId: lnmp, instanceType: 'ecs.g7.large', amount: 1 })).catch((e) => e);
  expect([acs3.code, acs3.statusCode]).toEqual(['QuotaExceed.BuyImage', 403]);
  expect(await codeOf(client.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: lnmp, InstanceType: 'ecs.g7.large', Amount: 101 }))).toBe('InvalidParameter.Amount');

  const image = await systemImage(client);
  expect(await codeOf(client.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: image, InstanceType: 'ecs.t6-c1m1.large', DryRun: 'true' }))).toBe('DryRunOperation');

  // ClientToken on a licensed image (2 Jenkins licenses bought first): launched and paid once.
  await buyLicenses(buyer, 'jnks000502', 2);
  const jenkins = await marketplaceImage(client, 'jnks000502');
  const run = (amount: number) => client.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: jenkins, InstanceType: 'ecs.t6-c1m1.large', Amount: amount, ClientToken: 'api-test-token-1' }) as Promise<{ InstanceIdSets: { InstanceIdSet: string[] } }>;
  const first = await run(1);
  const again = await run(1);
  expect(again.InstanceIdSets.InstanceIdSet).toEqual(first.InstanceIdSets.InstanceIdSet);
  expect(await codeOf(run(2))).toBe('IdempotentParameterMismatch');
  const jenkinsImages = (await client.request('DescribeImages', { RegionId: 'cn-hangzhou', ProductCode: 'jnks000502' })) as { Images: { Image: { IsSubscribed: boolean }[] } };
  expect(jenkinsImages.Images.Image[0].IsSubscribed).toBe(true);

  await client.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: image, InstanceType: 'ecs.t6-c1m1.large', InstanceName: 'api-made' });
  const ids = ((await client.request('DescribeInstances', { RegionId: 'cn-hangzhou', PageSize: 100 })) as { Instances: { Instance: { InstanceId: string; InstanceName: string }[] } }).Instances.Instance.filter((i) => i.InstanceName === 'api-made').map((i) => i.InstanceId);
  expect(ids).toHaveLength(1);
  await waitRunning(client, ids);
  await client.request('StopInstance', { InstanceId: ids[0] });
  const other = ((await client.request('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'system', OSType: 'windows', PageSize: 1 })) as { Images: { Image: { ImageId: string }[] } }).Images.Image[0].ImageId;
  const replaced = (await client.request('ReplaceSystemDisk', { InstanceId: ids[0], ImageId: other })) as { DiskId: string };
  expect(replaced.DiskId).toMatch(/^d-[a-z0-9]{20}$/);
  await ecs(baseURL!, buyer).reInitDisk(new $Ecs.ReInitDiskRequest({ diskId: replaced.DiskId }));
  await client.request('DeleteInstance', { InstanceId: ids[0] });
  const gone = (await client.request('DescribeInstances', { RegionId: 'cn-hangzhou', Status: 'Released', PageSize: 100 })) as { Instances: { Instance: { InstanceId: string }[] } };
  expect(gone.Instances.Instance.map((i) => i.InstanceId)).toContain(ids[0]);
});

test('ImportImage and DescribeTasks; sharing through the API', async ({ baseURL, page }) => {
  const [buyer, buyer2] = accounts;
  await signIn(page, buyer);
  await page.goto('/console/buckets');
  await page.getByLabel('New bucket name').fill('api-imports');
  await page.getByRole('button', { name: 'Create bucket' }).click();
  await page.getByRole('link', { name: 'api-imports' }).click();
  await expect(page).toHaveURL(/\/console\/buckets\/[0-9a-f-]{36}$/);
  const bucketId = page.url().split('/').pop()!;
  const upload = await page.request.put(`/console/api/buckets/${bucketId}/objects?key=small.raw`, { data: Buffer.alloc(3 * 1024 * 1024, 7), headers: { 'content-type': 'application/octet-stream' } });
  expect(upload.ok(), await upload.text()).toBe(true);
  const client = ecs(baseURL!, buyer);
  const importRequest = new $Ecs.ImportImageRequest({ regionId: 'cn-hangzhou', imageName: 'api-imported', diskDeviceMapping: [new $Ecs.ImportImageRequestDiskDeviceMapping({ format: 'RAW', OSSBucket: 'api-imports', OSSObject: 'small.raw' })] });
  const forbidden = await client.importImage(importRequest).catch((e) => e);
  expect([forbidden.code, forbidden.statusCode]).toEqual(['Forbidden', 400]);
  await page.goto('/console/imports');
  await page.getByRole('button', { name: 'Authorise in one click' }).click();
  await expect(page.getByTestId('import-role')).toContainText('may read your buckets');
  const imported = await client.importImage(importRequest);
  const imageId = imported.body!.imageId!;
  await expect
    .poll(async () => ((await pop(baseURL!, buyer).request('DescribeTasks', { RegionId: 'cn-hangzhou' })) as { TaskSet: { Task: { TaskId: string; TaskStatus: string }[] } }).TaskSet.Task.find((t) => t.TaskId === imported.body!.taskId)?.TaskStatus, { timeout: 20_000 })
    .toBe('Finished');

  const share = pop(baseURL!, buyer);
  await share.request('ModifyImageSharePermission', { RegionId: 'cn-hangzhou', ImageId: imageId, 'AddAccount.1': buyer2.accountId });
  const permission = (await share.request('DescribeImageSharePermission', { RegionId: 'cn-hangzhou', ImageId: imageId })) as { Accounts: { Account: { AliyunId: string }[] } };
  expect(permission.Accounts.Account).toEqual([{ AliyunId: buyer2.accountId }]);
  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`AddAccount.${i + 1}`, String(1000000000000001 + i)]));
  expect(await codeOf(share.request('ModifyImageSharePermission', { RegionId: 'cn-hangzhou', ImageId: imageId, ...eleven }))).toBe('InvalidAccount.Malformed');
  const seen = (await pop(baseURL!, buyer2).request('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'others' })) as { Images: { Image: { ImageId: string }[] } };
  expect(seen.Images.Image.map((i) => i.ImageId)).toContain(imageId);
});

test('signatures: tampered, wrong secret, reused nonce, old timestamp, unknown action, disabled key; A cannot touch B', async ({ baseURL, page }) => {
  const [buyer, buyer2] = accounts;
  const signed = (params: Record<string, string>, secret = buyer.accessKeySecret) => {
    const all = { Format: 'JSON', Version: '2014-05-26', AccessKeyId: buyer.accessKeyId, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: crypto.randomUUID(), Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...params };
    return { ...all, Signature: v1Signature(secret, 'GET', all) };
  };
  const call = async (params: Record<string, string>) => {
    const response = await fetch(`${baseURL}/?${new URLSearchParams(params)}`);
    const body = (await response.json()) as { Code?: string; RequestId: string; HostId?: string; Message?: string };
    return { status: response.status, ...body };
  };
  const good = signed({ Action: 'DescribeRegions' });
  expect((await call(good)).Code).toBeUndefined();
  expect(await call(good)).toMatchObject({ status: 400, Code: 'SignatureNonceUsed' });
  expect(await call({ ...signed({ Action: 'DescribeImages', RegionId: 'cn-hangzhou' }), RegionId: 'cn-beijing' })).toMatchObject({ status: 400, Code: 'SignatureDoesNotMatch' });
  expect(await call(signed({ Action: 'DescribeRegions' }, 'not-the-secret'))).toMatchObject({ status: 400, Code: 'SignatureDoesNotMatch' });
  expect(await call(signed({ Action: 'DescribeRegions', Timestamp: new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z') }))).toMatchObject({ status: 400, Code: 'InvalidTimeStamp.Expired' });
  expect(await call(signed({ Action: 'LaunchRockets' }))).toMatchObject({ status: 404, Code: 'InvalidAction.NotFound' });
  expect(await call({ ...signed({ Action: 'DescribeRegions' }), AccessKeyId: 'LTAInotakey' })).toMatchObject({ status: 404, Code: 'InvalidAccessKeyId.NotFound' });
  expect(await codeOf(pop(baseURL!, { accessKeyId: buyer.accessKeyId, accessKeySecret: 'wrong' }).request('DescribeRegions', {}))).toBe('SignatureDoesNotMatch');

  // A disabled key answers like an unknown one.
  await signIn(page, buyer2);
  await page.goto('/console/access-keys');
  await page.getByRole('button', { name: 'Create AccessKey' }).click();
  const key = { accessKeyId: (await page.getByTestId('new-key-id').textContent())!, accessKeySecret: (await page.getByTestId('new-key-secret').textContent())! };
  expect(await codeOf(pop(baseURL!, key).request('DescribeRegions', {}))).toBe('ok');
  await page.locator(`tr[data-access-key="${key.accessKeyId}"]`).getByRole('button', { name: 'Disable' }).click();
  await expect(page.locator(`tr[data-access-key="${key.accessKeyId}"]`)).toContainText('Disabled');
  expect(await codeOf(pop(baseURL!, key).request('DescribeRegions', {}))).toBe('InvalidAccessKeyId.NotFound');

  // Account A's key cannot see or touch account B's instance.
  const b = pop(baseURL!, buyer2);
  const image = await systemImage(b);
  const launched = (await b.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: image, InstanceType: 'ecs.t6-c1m1.large' })) as { InstanceIdSets: { InstanceIdSet: string[] } };
  const theirs = launched.InstanceIdSets.InstanceIdSet[0];
  const a = pop(baseURL!, buyer);
  expect(await codeOf(a.request('DeleteInstance', { InstanceId: theirs }))).toBe('InvalidInstanceId.NotFound');
  expect(((await a.request('DescribeInstances', { RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify([theirs]) })) as { Instances: { Instance: unknown[] } }).Instances.Instance).toEqual([]);
});

test('MKT-4 against the running server: 50 simultaneous launches for 10 licenses → 10 instances, the rest QuotaExceed.BuyImage or Throttling.User', async ({ baseURL, page }) => {
  const [, buyer2] = accounts;
  await signIn(page, buyer2);
  await page.goto('/marketplace/products/lnmp000101');
  await page.locator('#purchase-region').selectOption('cn-hangzhou');
  const oneTime = await page.locator('#purchase-sku option', { hasText: 'One-time' }).getAttribute('value');
  await page.locator('#purchase-sku').selectOption(oneTime!);
  await page.locator('#purchase-quantity').fill('10');
  await page.getByRole('button', { name: 'Buy 10 licenses' }).click();
  await page.getByRole('dialog', { name: 'Review your order' }).getByRole('button', { name: /^(Pay ¥|Confirm$)/ }).click();
  await expect(page.getByText('Purchase complete')).toBeVisible();

  const client = pop(baseURL!, buyer2);
  const image = await marketplaceImage(client, 'lnmp000101');
  const outcomes = await Promise.all(Array.from({ length: 50 }, () => codeOf(client.request('RunInstances', { RegionId: 'cn-hangzhou', ImageId: image, InstanceType: 'ecs.t6-c1m1.large' }, { method: 'POST' }))));
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
  // A burst of 50 changes from one AccessKey is over apiWritesPerSecond (20): the rest of the
  // burst is Throttling.User (issue 12); those let through still race for the 10 licenses.
  expect(outcomes.filter((o) => o !== 'ok' && o !== 'QuotaExceed.BuyImage' && o !== 'Throttling.User')).toEqual([]);
  expect(outcomes.filter((o) => o === 'Throttling.User').length).toBeGreaterThan(0);
  expect(outcomes.filter((o) => o === 'QuotaExceed.BuyImage').length).toBeGreaterThan(0);
});
