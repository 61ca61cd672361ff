// The world the authorization matrix runs in, built once per file: an owner with instances, a
// custom image shared with a recipient, a bucket, an AccessKey and an order of a product it
// bought from a seller; another buyer; another seller (the rival); an admin. `fresh` makes a
// new thing of the owner's (or seller's) for the calls that change or use up what they touch.
import { Readable } from 'node:stream';
import { and, eq, ne } from 'drizzle-orm';
import { accounts, images, products, sellerDeliveries, sellerKeys, users } from '../../db/schema';
import { getDb } from '../../db/client';
import { skuCode } from '../../lib/seed/marketplace';
import type { Actor, Role } from '../../lib/domain/actor';
import { newRequestId } from '../../lib/domain/ids';
import { createAccessKey } from '../../lib/services/access-keys';
import { createAccount } from '../../lib/services/accounts';
import { freezeInstance } from '../../lib/services/freezes';
import { createImage } from '../../lib/services/images';
import { runInstances, stopInstance } from '../../lib/services/instances';
import { purchaseLicenses } from '../../lib/services/orders';
import { createProduct } from '../../lib/services/products';
import { requestRefund } from '../../lib/services/refunds';
import { requestInvoice } from '../../lib/services/invoices';
import { applyAsSeller } from '../../lib/services/seller-applications';
import { createSellerKey } from '../../lib/services/seller-keys';
import { createScalingGroup } from '../../lib/services/scaling-groups';
import { updateSettings } from '../../lib/services/settings';
import { modifyImageSharePermission } from '../../lib/services/sharing';
import { createBucket, grantImportRole, putObject } from '../../lib/services/storage';
import { seedTestMarketplace } from '../helpers/database';
import { fund, productImage, settle } from '../helpers/marketplace';

export const actorNames = ['owner', 'buyer', 'recipient', 'seller', 'rival', 'admin'] as const;
export type Who = (typeof actorNames)[number];

export const REGION = 'cn-hangzhou';
export const TYPE = 'ecs.t6-c1m1.large';
/** The product the owner bought (per-instance ¥99 and hourly), sold by `seller`. */
export const PRODUCT = 'lnmp000101';

export const applicationForm = { companyName: 'Example Cloud Software Co., Ltd.', foundedOn: '2019-06-01', registeredCapital: '1000000', staffCount: '12', supportHours: '7x12', contactEmail: 'partners@example.test', agreement: 'on' };
export const productInfo = { title: 'Matrix Hardened Ubuntu', category: 'security', summary: 'Ubuntu with CIS level 1 hardening applied.', description: 'CIS benchmark level 1, auditd, fail2ban and unattended upgrades, ready to run.' };

let counter = 0;
/** A name no earlier call used (image, bucket and product names must be unique). */
export const unique = (prefix: string) => `${prefix}-${++counter}`;

async function person(name: string, roles: Role[], extra: { sellerStatus?: string; isAdmin?: boolean } = {}): Promise<Actor> {
  const accountId = await createAccount(name);
  const userId = `user-${accountId}`;
  const db = getDb();
  await db.insert(users).values({ id: userId, accountId, name, email: `${accountId}@matrix.test`, emailVerified: true, isAdmin: extra.isAdmin ?? false, regionId: REGION, createdAt: new Date(), updatedAt: new Date() });
  if (extra.sellerStatus) await db.update(accounts).set({ sellerStatus: extra.sellerStatus }).where(eq(accounts.id, accountId));
  return { userId, accountId, roles, requestId: newRequestId() };
}

const asSeller = (accountId: string, name: string): Actor => ({ userId: null, accountId, roles: ['buyer', 'seller'], requestId: `matrix-${name}` });

export async function buildWorld() {
  const db = getDb();
  const sellers = await seedTestMarketplace(db);
  const sellerId = sellers.get('cloudsail')!.accountId;
  const actors: Record<Who, Actor> = {
    owner: await person('Owner', ['buyer']),
    buyer: await person('Other buyer', ['buyer']),
    recipient: await person('Recipient', ['buyer']),
    seller: asSeller(sellerId, 'seller'),
    rival: asSeller(sellers.get('qingshan')!.accountId, 'rival'),
    admin: await person('Admin', ['buyer', 'admin'], { isAdmin: true }),
  };
  const { owner, seller, admin, recipient } = actors;
  // Room for every case's fresh things: no quota or rate limit is what a row checks.
  await updateSettings(admin, { imageQuotaPerRegion: 10_000, sharesPerDay: 100_000, shareAccountsPerImage: 1_000, instanceQuotaPerRegion: 100_000, vcpuQuotaPerRegion: 1_000_000, apiReadsPerSecond: 100_000, apiWritesPerSecond: 100_000 });
  for (const actor of Object.values(actors)) {
    await fund(actor, 100_000_000);
    await grantImportRole(actor);
  }
  // Calls to the seller go to a closed local port: deliveries exist and fail fast.
  await db.update(products).set({ interfaceUrl: 'http://127.0.0.1:9/calls' }).where(eq(products.code, PRODUCT));
  await createSellerKey(seller);

  const systemImage = (await db.select().from(images).where(and(eq(images.regionId, REGION), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
  const launch = async (actor: Actor, imageId = systemImage, extra: Record<string, unknown> = {}) => (await runInstances(actor, { regionId: REGION, imageId, instanceTypeId: TYPE, amount: 1, ...extra })).instanceIds[0];

  const instance = await launch(owner);
  const productInstance = await launch(owner, await productImage(PRODUCT), { skuCode: skuCode(PRODUCT, 'hourly') });
  await settle();
  const { imageId: image, taskId: task } = await createImage(owner, { instanceId: instance, name: unique('golden') });
  await settle();
  await modifyImageSharePermission(owner, { imageId: image, addAccounts: [recipient.accountId] });

  const buyOne = async () => (await purchaseLicenses(owner, { productCode: PRODUCT, skuCode: skuCode(PRODUCT, 'per_instance'), regionId: REGION, quantity: 1 })).orderId;
  const order = await buyOne();
  const bucket = await createBucket(owner, { regionId: REGION, name: unique('bucket') });
  const upload = async (key = unique('disk') + '.raw') => (await putObject(owner, { bucketId: bucket.id, key, contentLength: 2048, body: Readable.from([Buffer.alloc(2048, 1)]) })).id;
  const object = await upload('disk.raw');
  const accessKey = (await createAccessKey(owner)).accessKeyId;
  const application = (await applyAsSeller(owner, applicationForm)).id;
  const delivery = (await db.select().from(sellerDeliveries).where(eq(sellerDeliveries.sellerAccountId, sellerId)).limit(1)).at(0)!.id;
  const draft = (await createProduct(seller, productInfo)).code;

  /** A product of the seller's in the given state (listing it for real takes a whole pipeline). */
  const sellerProduct = async (status: 'listed' | 'in_review') => {
    const code = (await createProduct(seller, { ...productInfo, title: unique('Matrix product') })).code;
    await db.update(products).set({ status, interfaceUrl: 'https://seller.example.com/calls' }).where(eq(products.code, code));
    return code;
  };
  /** The seller holds at most two keys: all but the signing one go. */
  const dropSpareSellerKeys = async () => {
    const signing = (await db.select().from(sellerKeys).where(eq(sellerKeys.accountId, sellerId)).orderBy(sellerKeys.createdAt).limit(1)).at(0)!;
    await db.delete(sellerKeys).where(and(eq(sellerKeys.accountId, sellerId), ne(sellerKeys.id, signing.id)));
  };
  const runningInstance = async () => {
    const id = await launch(owner);
    await settle();
    return id;
  };

  /** MKT-9: a scaling group of the owner's, of a system image, empty. */
  const newGroup = async () => (await createScalingGroup(owner, { name: unique('group'), regionId: REGION, imageId: systemImage, instanceTypeId: TYPE, minSize: 0, maxSize: 2 })).id;
  const group = await newGroup();

  const fresh = {
    group: newGroup,
    pendingInstance: async () => await launch(owner),
    runningInstance,
    stoppedInstance: async () => (await stopInstance(owner, await runningInstance())).id,
    frozenInstance: async () => {
      const id = await runningInstance();
      await freezeInstance(admin, id, { note: 'matrix' });
      return id;
    },
    /** A custom image of the owner's, shared with the recipient. */
    sharedImage: async () => {
      const { imageId } = await createImage(owner, { instanceId: instance, name: unique('image') });
      await settle();
      await modifyImageSharePermission(owner, { imageId, addAccounts: [recipient.accountId] });
      return imageId;
    },
    openTask: async () => (await createImage(owner, { instanceId: instance, name: unique('image') })).taskId,
    bucket: async () => (await createBucket(owner, { regionId: REGION, name: unique('bucket') })).id,
    object: () => upload(),
    accessKey: async () => (await createAccessKey(owner)).accessKeyId,
    order: buyOne,
    invoicedOrder: async () => {
      const id = await buyOne();
      await requestInvoice(owner, { orderId: id, title: 'Owner Ltd.' });
      return id;
    },
    refund: async () => (await requestRefund(owner, { orderId: await buyOne(), reason: 'matrix' })).id,
    application: async () => (await applyAsSeller(await person('Applicant', ['buyer']), applicationForm)).id,
    /** A second key of the seller's (it holds at most two: the signing one stays). */
    sellerKey: async () => {
      await dropSpareSellerKeys();
      return (await createSellerKey(seller)).keyId;
    },
    listedProduct: async () => await sellerProduct('listed'),
    reviewProduct: async () => await sellerProduct('in_review'),
  };

  /**
   * Ids that only some actors may ever read back (the admin reads everything through its own
   * pages). A call allowed to anyone else must not answer with any of them.
   */
  const visibleTo: [string, Who[]][] = [
    [instance, ['owner', 'admin']],
    [productInstance, ['owner', 'seller', 'admin']],
    [image, ['owner', 'recipient', 'admin']],
    [task, ['owner', 'admin']],
    [bucket.id, ['owner', 'admin']],
    [bucket.name, ['owner', 'admin']],
    [object, ['owner', 'admin']],
    [accessKey, ['owner', 'admin']],
    [order, ['owner', 'seller', 'admin']],
    [draft, ['seller', 'admin']],
    [group, ['owner', 'admin']],
  ];

  return { actors, dropSpareSellerKeys, systemImage, instance, productInstance, image, task, bucket, object, accessKey, order, application, delivery, draft, group, fresh, visibleTo };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
