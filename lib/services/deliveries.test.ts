// SEL-2 … SEL-5: lifecycle calls through the outbox to the reference receiver, over real HTTP.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReceiver } from '../../examples/seller-receiver/receiver';
import { deliveryAttempts, notifications, products, sellerDeliveries } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, fund, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { deliverDue, getDelivery, listDeliveries, replayDelivery, RETRY_PERIOD_MS } from './deliveries';
import { freezeInstance, unfreezeInstance } from './freezes';
import { completeBoot, replaceSystemDisk, runInstances, stopInstance } from './instances';
import { approveRefund, requestRefund } from './refunds';
import { purchaseLicenses } from './orders';
import { createSellerKey, deleteSellerKey, listSellerKeys } from './seller-keys';

// SEL-4: plain http to 127.0.0.1 (the reference receiver) is allowed in test mode only.
vi.hoisted(() => {
  process.env.STRATUS_MODE = 'test';
});

const { db } = throwawayDatabase();
let seller: Actor;
let key: { keyId: string; secret: string };
const receiver = createReceiver({ keys: {}, now: () => clock.now().getTime() });
let url: string;

beforeAll(async () => {
  const sellers = await seedTestMarketplace(db());
  seller = { userId: 'seller-user', accountId: sellers.get('cloudsail')!.accountId, roles: ['buyer', 'seller'], requestId: newRequestId() };
  key = await createSellerKey(seller);
  url = await receiver.listen(0);
  receiver.setKey(key.keyId, key.secret);
  await db().update(products).set({ interfaceUrl: `${url}/marketplace` }).where(eq(products.code, 'lnmp000101'));
});
afterAll(() => receiver.close());
afterEach(() => {
  clock.reset();
  receiver.setFailMode('none');
});

async function buyOne(): Promise<string> {
  const buyer = await newBuyer();
  await fund(buyer, 10_000);
  return (await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 })).licenseIds[0];
}

const deliveryOf = async (licenseId: string, activity = 'newInstance') =>
  (await db().select().from(sellerDeliveries).where(and(eq(sellerDeliveries.orderLineId, licenseId), eq(sellerDeliveries.activity, activity))).limit(1)).at(0)!;

async function drain(rounds = 5) {
  for (let i = 0; i < rounds; i++) {
    clock.advance(3_700_000); // past the longest backoff
    if ((await deliverDue(100)) === 0) return;
  }
}

describe('the outbox (SEL-4, SEL-5)', () => {
  it('20 purchases while the receiver answers 000005: once it recovers all 20 are delivered, each applied once though some were sent more than once', async () => {
    receiver.setFailMode('internal');
    const lines: string[] = [];
    for (let i = 0; i < 20; i++) lines.push(await buyOne());
    expect((await Promise.all(lines.map(async (l) => (await deliveryOf(l)).status)))).toEqual(Array(20).fill('pending'));

    await deliverDue(100);
    expect((await Promise.all(lines.map(async (l) => [(await deliveryOf(l)).status, (await deliveryOf(l)).attempts, (await deliveryOf(l)).lastError?.slice(0, 17)])))).toEqual(Array(20).fill(['pending', 1, 'resultCode 000005']));
    expect(receiver.state.effects.size).toBe(0);

    receiver.setFailMode('none');
    clock.advance(31_000);
    await deliverDue(100);
    expect((await Promise.all(lines.map(async (l) => (await deliveryOf(l)).status)))).toEqual(Array(20).fill('delivered'));

    // A worker that died after the seller applied the call but before recording the answer
    // sends it again: the seller answers the same, and applies nothing twice.
    const resent = lines.slice(0, 5);
    for (const l of resent) await db().update(sellerDeliveries).set({ status: 'pending', nextAttemptAt: clock.now() }).where(eq(sellerDeliveries.id, (await deliveryOf(l)).id));
    const before = (await Promise.all(resent.map(async (l) => (await deliveryOf(l)).instanceId)));
    await deliverDue(100);
    expect((await Promise.all(resent.map(async (l) => (await deliveryOf(l)).instanceId)))).toEqual(before);
    // …and a replay by hand, too.
    await replayDelivery(seller, (await deliveryOf(lines[6])).id);

    expect(lines.map((l) => receiver.state.effects.get(l))).toEqual(Array(20).fill(1));
    const deliveryIds = await Promise.all(lines.map(async (l) => (await deliveryOf(l)).id));
    const attempts = (await db().select().from(deliveryAttempts)).filter((a) => deliveryIds.includes(a.deliveryId));
    expect(attempts.length).toBe(20 + 20 + 5 + 1);
    expect(attempts.find((a) => a.manual)).toMatchObject({ verdict: 'ok', resultCode: '000000' });
  });

  it('a receiver that is down is retried with backoff; the seller hears after 3 failures; after 25 hours the call is given up', async () => {
    await db().update(products).set({ interfaceUrl: 'http://127.0.0.1:9/nothing-listens' }).where(eq(products.code, 'lnmp000101'));
    try {
      const line = await buyOne();
      await deliverDue(100);
      expect(await deliveryOf(line)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'unreachable' });
      // Not due again before its backoff.
      expect(await deliverDue(100)).toBe(0);
      const told = async () => (await db().select().from(notifications).where(eq(notifications.accountId, seller.accountId))).map((n) => n.kind);
      for (let i = 0; i < 2; i++) {
        clock.advance(3_600_000);
        await deliverDue(100);
      }
      expect((await told()).filter((k) => k === 'deliveryFailing')).toHaveLength(1);
      clock.advance(RETRY_PERIOD_MS);
      await deliverDue(100);
      expect((await deliveryOf(line)).status).toBe('failed');
      expect(await told()).toContain('deliveryFailed');
    } finally {
      await db().update(products).set({ interfaceUrl: `${url}/marketplace` }).where(eq(products.code, 'lnmp000101'));
    }
  });

  it('a worker that dies holding a lease loses nothing: the rows are claimed again when the lease runs out', async () => {
    const line = await buyOne();
    await db().update(sellerDeliveries).set({ leaseUntil: new Date(clock.now().getTime() + 60_000) }).where(eq(sellerDeliveries.id, (await deliveryOf(line)).id));
    expect(await deliverDue(100)).toBe(0);
    clock.advance(61_000);
    await deliverDue(100);
    expect((await deliveryOf(line)).status).toBe('delivered');
  });

  it('later calls carry the seller’s instance id, and wait until the newInstance call went through', async () => {
    receiver.setFailMode('internal');
    const buyer = await newBuyer();
    await fund(buyer, 10_000);
    const [instanceId] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101'), instanceTypeId: 'ecs.g7.large', amount: 1, skuCode: 'lnmp000101-hourly' })).instanceIds;
    const admin: Actor = { userId: 'admin', accountId: '9000000000000001', roles: ['admin'], requestId: newRequestId() };
    await freezeInstance(admin, instanceId, { note: 'abuse report' });
    const licenseId = (await db().select().from(sellerDeliveries).orderBy(sellerDeliveries.id)).at(-1)!.orderLineId;
    await deliverDue(100);
    expect((await deliveryOf(licenseId, 'updateInstanceStatus')).attempts).toBe(0); // waiting for newInstance
    receiver.setFailMode('none');
    await drain();
    const created = await deliveryOf(licenseId);
    const frozen = await deliveryOf(licenseId, 'updateInstanceStatus');
    expect(frozen.status).toBe('delivered');
    expect(frozen.instanceId).toBe(created.instanceId);
    expect(receiver.state.instances.get(created.instanceId!)?.frozen).toBe(true);
  });
});

describe('what the seller is told (SEL-3)', () => {
  const admin: Actor = { userId: 'admin', accountId: '9000000000000001', roles: ['admin'], requestId: newRequestId() };
  const activitiesOf = async (licenseId: string) => (await db().select().from(sellerDeliveries).where(eq(sellerDeliveries.orderLineId, licenseId)).orderBy(sellerDeliveries.id)).map((d) => d.activity);

  it('an upgrade to another version of the product (MKT-6) is upgradeInstance', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const [instanceId] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101', 'cn-hangzhou', '1.0.0'), instanceTypeId: 'ecs.g7.large', amount: 1, skuCode: 'lnmp000101-hourly' })).instanceIds;
    await completeBoot({ ...buyer, roles: [] }, [instanceId]);
    await stopInstance(buyer, instanceId);
    await replaceSystemDisk(buyer, { instanceId, imageId: await productImage('lnmp000101', 'cn-hangzhou', '2.0.0') });
    const licenseId = (await db().select().from(sellerDeliveries).orderBy(sellerDeliveries.id)).at(-1)!.orderLineId;
    expect(await activitiesOf(licenseId)).toEqual(['newInstance', 'upgradeInstance']);
  });

  it('a refunded order line is releaseInstance', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const { orderId, licenseIds } = await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 2 });
    await approveRefund(admin, (await requestRefund(buyer, { orderId, reason: 'wrong product' })).id);
    expect(await Promise.all(licenseIds.map(activitiesOf))).toEqual([
      ['newInstance', 'releaseInstance'],
      ['newInstance', 'releaseInstance'],
    ]);
  });
});

describe('signing keys (SEL-2)', () => {
  it('at most two; calls are signed with the older until it is deleted, so a rotation loses no call', async () => {
    const second = await createSellerKey(seller);
    await expectCloudError(async () => await createSellerKey(seller), 'QuotaExceed.SellerKey');
    expect((await listSellerKeys(seller)).map((k) => [k.id, k.signing])).toEqual([
      [key.keyId, true],
      [second.keyId, false],
    ]);
    await deleteSellerKey(seller, key.keyId);
    // The receiver does not know the new key yet: the call fails (000001, signed by nobody we trust)…
    const line = await buyOne();
    await deliverDue(100);
    expect((await deliveryOf(line)).status).toBe('pending');
    expect((await getDelivery(seller, (await deliveryOf(line)).id)).attempts[0].verdict).toBe('badBodySign');
    // …and is delivered once the receiver accepts it.
    receiver.setKey(second.keyId, second.secret);
    await drain();
    expect((await deliveryOf(line)).status).toBe('delivered');
    key = second;
  });

  it('another seller’s deliveries do not exist; buyers cannot read deliveries', async () => {
    const other: Actor = { ...seller, accountId: '9000000000000002' };
    const id = (await listDeliveries(seller)).items[0].id;
    await expectCloudError(async () => await getDelivery(other, id), 'InvalidDelivery.NotFound');
    await expectCloudError(async () => await listDeliveries(await newBuyer()), 'Forbidden');
    await expectCloudError(async () => await deleteSellerKey(other, key.keyId), 'InvalidSellerKey.NotFound');
  });
});

describe('order and resilience of deliveries', () => {
  it('a freeze that failed is not overtaken by its unfreeze: the calls of one order line go in order', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000);
    const [instanceId] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101'), instanceTypeId: 'ecs.g7.large', amount: 1, skuCode: 'lnmp000101-hourly' })).instanceIds;
    await completeBoot({ ...buyer, roles: [] }, [instanceId]);
    await drain();
    const admin: Actor = { userId: 'admin', accountId: '9000000000000001', roles: ['admin'], requestId: newRequestId() };
    receiver.setFailMode('internal');
    await freezeInstance(admin, instanceId, { note: 'abuse report' });
    await deliverDue(100);
    receiver.setFailMode('none');
    await unfreezeInstance(admin, instanceId);
    await deliverDue(100); // the unfreeze waits: the freeze before it is still pending
    const line = (await db().select().from(sellerDeliveries).orderBy(sellerDeliveries.id)).at(-1)!;
    expect(line.attempts).toBe(0);
    await drain();
    const created = await deliveryOf(line.orderLineId);
    expect(receiver.state.instances.get(created.instanceId!)?.frozen).toBe(false);
  });

  it('a row that breaks inside Stratus is recorded as a failed attempt and does not stop the others', async () => {
    const good = await buyOne();
    const bad = await buyOne();
    await db().update(sellerDeliveries).set({ body: 'not json' }).where(eq(sellerDeliveries.id, (await deliveryOf(bad)).id));
    await deliverDue(100);
    expect((await deliveryOf(good)).status).toBe('delivered');
    expect(await deliveryOf(bad)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'internalError' });
  });
});
