// SEL-6, SEL-7, ADM-1: a seller publishes a product from its own custom image, debugs its
// interface against the reference receiver, submits; the admin lists it; a buyer buys it and
// the seller's interface gets the newInstance call.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReceiver } from '../../examples/seller-receiver/receiver';
import { accounts, deliveryAttempts, images, sellerDeliveries } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, fund, settle } from '../../tests/helpers/marketplace';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { debugOrder } from '../domain/publishing';
import { deliverDue } from './deliveries';
import { createImage } from './images';
import { runInstances } from './instances';
import { purchaseLicenses } from './orders';
import { searchProducts } from './marketplace';
import { approveListing, listListingReviews, rejectListing } from './listing-review';
import { createProduct, delistOwnProduct, getMyProduct, moveInterface, submitProduct, updateProduct } from './products';
import { debugInterface } from './interface-debug';
import { setSkus, setVersion } from './product-versions';
import { createSellerKey } from './seller-keys';

// SEL-4: plain http to 127.0.0.1 (the reference receiver) is allowed in test mode only.
vi.hoisted(() => {
  process.env.STRATUS_MODE = 'test';
});

const { db } = throwawayDatabase();
const receiver = createReceiver({ keys: {} });
let url: string;
let seller: Actor;
let imageId: string;
const admin: Actor = { userId: 'admin', accountId: '9000000000000001', roles: ['admin'], requestId: newRequestId() };

beforeAll(async () => {
  url = `${await receiver.listen(0)}/stratus`;
  const s = await newBuyer('Acme Images');
  await db().update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, s.accountId));
  seller = { ...s, roles: ['buyer', 'seller'] };
  const system = (await db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
  const [instanceId] = (await runInstances(seller, { regionId: 'cn-hangzhou', imageId: system.id, instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds;
  await settle();
  imageId = (await createImage(seller, { instanceId, name: 'acme-golden' })).imageId;
  await settle();
});
afterAll(() => receiver.close());

const info = { title: 'Acme Hardened Ubuntu', category: 'security', summary: 'Ubuntu with CIS level 1 hardening applied.', description: 'CIS benchmark level 1, auditd, fail2ban and unattended upgrades, ready to run.' };

describe('SEL-7 publishing, SEL-6 debugging, ADM-1 listing review', () => {
  it('a draft goes from the seller’s own image to listed, only after every check passes', async () => {
    const product = await createProduct(seller, { ...info, interfaceUrl: url });
    expect(product.status).toBe('draft');
    const code = product.code;
    expect((await getMyProduct(seller, code)).problems.map((p) => p.kind)).toEqual(['noVersion', 'noSku', 'notDebugged', 'noSigningKey']);

    await setVersion(seller, code, { version: '1.0.0', imageIds: [imageId] });
    await setSkus(seller, code, [{ pricingModel: 'per_instance', priceFen: 19_900 }, { pricingModel: 'monthly', priceFen: 2_900 }]);
    await expect(debugInterface(seller, code, 'newInstance')).rejects.toMatchObject({ code: 'InvalidSellerKey.Missing' });
    const key = await createSellerKey(seller);
    receiver.setKey(key.keyId, key.secret);

    // SEL-6: each activity, signed, with the answer's Body-Sign checked.
    for (const activity of debugOrder) {
      const result = await debugInterface(seller, code, activity);
      expect([activity, result.verdict, result.bodySignValid, result.passed]).toEqual([activity, 'ok', true, true]);
    }
    expect((await getMyProduct(seller, code)).problems).toEqual([]);
    await submitProduct(seller, code);
    await expectCloudError(async () => await setSkus(seller, code, []), 'IncorrectProductStatus');

    const queued = (await listListingReviews(admin)).items.find((i) => i.product.code === code)!;
    expect(queued).toMatchObject({ regions: ['cn-hangzhou'], versions: ['1.0.0'], problems: [] });
    await approveListing(admin, code);
    expect((await searchProducts({ q: 'Acme Hardened' })).items.map((p) => p.code)).toContain(code);

    // A buyer buys it; the seller's interface gets newInstance, signed, through the outbox.
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const { licenseIds } = await purchaseLicenses(buyer, { productCode: code, skuCode: `${code}-per_instance`, regionId: 'cn-hangzhou', quantity: 1 });
    await deliverDue(100);
    const call = (await db().select().from(sellerDeliveries).where(eq(sellerDeliveries.orderLineId, licenseIds[0])).limit(1)).at(0)!;
    expect(call).toMatchObject({ activity: 'newInstance', status: 'delivered' });
    expect(receiver.state.effects.get(licenseIds[0])).toBe(1);

    // SEL-3: the interface moves while the product stays listed; the next call goes there.
    await expectCloudError(async () => await moveInterface(seller, code, { interfaceUrl: 'ftp://nowhere' }), 'InvalidParameter.InterfaceUrl');
    expect(await moveInterface(seller, code, { interfaceUrl: `${url}/v2` })).toMatchObject({ status: 'listed', interfaceUrl: `${url}/v2` });
    const second = (await purchaseLicenses(buyer, { productCode: code, skuCode: `${code}-per_instance`, regionId: 'cn-hangzhou', quantity: 1 })).licenseIds[0];
    await deliverDue(100);
    expect((await db().select().from(deliveryAttempts).orderBy(deliveryAttempts.id)).at(-1)).toMatchObject({ verdict: 'ok', url: expect.stringContaining('/stratus/v2?') });
    expect(receiver.state.effects.get(second)).toBe(1);

    await delistOwnProduct(seller, code);
    await expectCloudError(async () => await purchaseLicenses(buyer, { productCode: code, skuCode: `${code}-per_instance`, regionId: 'cn-hangzhou', quantity: 1 }), 'InvalidProduct.Delisted');

  });

  it('submission is refused while a check fails; a rejected listing comes back with the admin’s reason', async () => {
    const code = (await createProduct(seller, { ...info, title: 'Acme Nginx', interfaceUrl: url })).code;
    await expectCloudError(async () => await submitProduct(seller, code), 'InvalidListing.Incomplete');
    await setVersion(seller, code, { version: '1.0', imageIds: [imageId] });
    await setSkus(seller, code, [{ pricingModel: 'free', priceFen: 0 }]);
    for (const activity of debugOrder) await debugInterface(seller, code, activity);
    await submitProduct(seller, code);
    await expectCloudError(async () => await rejectListing(admin, code, { note: '' }), 'InvalidParameter.DecisionNote');
    await rejectListing(admin, code, { note: 'The description does not say which ports are open.' });
    expect((await getMyProduct(seller, code)).product).toMatchObject({ status: 'rejected', reviewNote: 'The description does not say which ports are open.' });
    // Changing the interface URL means debugging again (SEL-6).
    await updateProduct(seller, code, { ...info, title: 'Acme Nginx', interfaceUrl: `${url}/v2` });
    expect((await getMyProduct(seller, code)).problems.map((p) => p.kind)).toEqual(['notDebugged']);
  });

  it('validates every input and keeps other sellers out', async () => {
    await expectCloudError(async () => await createProduct(seller, { ...info, title: 'ab' }), 'InvalidParameter.ProductTitle');
    await expectCloudError(async () => await createProduct(seller, { ...info, category: 'toys' }), 'InvalidParameter.Category');
    await expectCloudError(async () => await createProduct(seller, { ...info, interfaceUrl: 'ftp://x' }), 'InvalidParameter.InterfaceUrl');
    const code = (await createProduct(seller, info)).code;
    await expectCloudError(async () => await setVersion(seller, code, { version: '-1', imageIds: [] }), 'InvalidParameter.Version');
    await expectCloudError(async () => await setSkus(seller, code, [{ pricingModel: 'hourly', priceFen: 0 }]), 'InvalidParameter.Price');
    const systemImage = (await db().select().from(images).where(eq(images.kind, 'system')).limit(1)).at(0)!;
    await expectCloudError(async () => await setVersion(seller, code, { version: '1', imageIds: [systemImage.id] }), 'InvalidImageId.NotFound');
    const other: Actor = { ...await newBuyer('Other'), roles: ['buyer', 'seller'] };
    await expectCloudError(async () => await getMyProduct(other, code), 'InvalidProductCode.NotFound');
    await expectCloudError(async () => await setVersion(other, code, { version: '1', imageIds: [imageId] }), 'InvalidProductCode.NotFound');
    await expectCloudError(async () => await moveInterface(seller, code, { interfaceUrl: url }), 'IncorrectProductStatus');
    await expectCloudError(async () => await createProduct(await newBuyer(), info), 'Forbidden');
    await expectCloudError(async () => await approveListing(seller, code), 'Forbidden');
  });
});
