// MKT-10 hourly metering, MKT-12 arrears, MKT-11 subscriptions: whole results in fen.
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images, instances, jobs, licenses, meteredHours, notifications, products, sellerDeliveries } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { turnsDuring } from '../../tests/helpers/event-loop';
import { expectCloudError, fund, ledgerSum, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { runDueJobs } from '../jobs/worker';
import { completeBoot, getInstance, replaceSystemDisk, runInstances, startInstance, stopInstance } from './instances';
import { balanceOf, bookId } from './ledger';
import { purchaseLicenses } from './orders';
import { settleHours } from './metering';
import { ensureRecurringJob } from './jobs';
import { spending } from './spending';
import { endUnusedLicenses, expireSubscriptions, quoteRenewal, releaseExpired, renewInstance, sweepSubscriptions } from './subscriptions';
import { walletBalance } from './wallet';

const { db } = throwawayDatabase();
let sellers: Map<string, { accountId: string }>;
beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
  await withoutLaunchMinimum(db()); // the arrears test launches with ¥0.50
  // SEL-3: the seller of the subscription product has an interface to tell.
  await db().update(products).set({ interfaceUrl: 'https://seller.example.com/calls' }).where(eq(products.code, 'ndpm000105'));
});
afterEach(() => clock.reset());

const HOUR = 3_600_000;
/** A whole UTC hour, so "10 hours stopped" is exactly 10 billed hours. */
const T0 = new Date('2026-03-02T00:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/** Launches at T0 - 10 s and boots exactly at `bootAt`, so Running time starts on the hour. */
async function launchRunning(actor: Actor, input: Record<string, unknown>, bootAt = T0): Promise<string[]> {
  clock.set(new Date(bootAt.getTime() - 10_000));
  const { instanceIds } = await runInstances(actor, { regionId: 'cn-hangzhou', instanceTypeId: 'ecs.t6-c1m1.large', amount: 1, ...input });
  clock.set(bootAt);
  await completeBoot({ ...actor, roles: [] }, instanceIds);
  return instanceIds;
}

/** The test clock is set relative to the wall clock, so instants it stamps are within a second. */
function expectAbout(actual: Date | null, expected: string) {
  expect(Math.abs(actual!.getTime() - new Date(expected).getTime())).toBeLessThan(1_000);
}

const hoursOf = async (accountId: string) => await db().select().from(meteredHours).where(eq(meteredHours.accountId, accountId));
const sellerPayable = async (code: string) => await balanceOf(db(), bookId('seller_payable', sellers.get(code)!.accountId));

describe('MKT-10 hourly metering', () => {
  it('72 hours, 3 hourly instances, one stopped for 10 hours: exactly 206 instance-hours, charged in fen', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const sellerBefore = await sellerPayable('cloudsail');
    // lnmp000101 hourly: ¥0.20 an hour for the image, on ecs.t6-c1m1.large at ¥0.12 an hour.
    const ids = await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly', amount: 3 });
    clock.set(new Date(at(10).getTime() - 1_000)); // the test clock drifts a few ms: stop just before 10:00
    await stopInstance(buyer, ids[2]);
    clock.set(at(20));
    await startInstance(buyer, ids[2]);
    clock.set(at(72));

    await settleHours();

    const hours = await hoursOf(buyer.accountId);
    expect(hours.filter((h) => h.instanceId === ids[0])).toHaveLength(72);
    expect(hours.filter((h) => h.instanceId === ids[1])).toHaveLength(72);
    expect(hours.filter((h) => h.instanceId === ids[2])).toHaveLength(62);
    expect(await walletBalance(buyer)).toBe(100_000 - 206 * 32);
    // The seller gets ¥0.20 less the 10% commission (2 fen) for each hour: 18 fen.
    expect(await sellerPayable('cloudsail') - sellerBefore).toBe(206 * 18);
    expect(await ledgerSum()).toBe(0);
  });

  it('charges each hour once: settling twice, or in two steps, gives the same 72 hours', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const [id] = await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(36.5));
    await settleHours();
    expect(await hoursOf(buyer.accountId)).toHaveLength(36);
    clock.set(at(72));
    await settleHours();
    await settleHours();
    // A run that died after charging but before moving its mark: the hours are still charged once.
    await db().update(instances).set({ meteredUntil: T0 }).where(eq(instances.id, id));
    await settleHours();
    expect(await hoursOf(buyer.accountId)).toHaveLength(72);
    expect(await walletBalance(buyer)).toBe(100_000 - 72 * 32);
  });

  it('a started hour counts in full; no Running time, no charge; stopped and released instances stop costing', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000);
    const [id] = await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' }, at(0.5));
    clock.set(at(0.75));
    await stopInstance(buyer, id);
    clock.set(at(5));
    await settleHours();
    expect(await hoursOf(buyer.accountId)).toHaveLength(1);
    expect(await walletBalance(buyer)).toBe(10_000 - 32);
  });

  it('runs as a durable recurring job: one waiting sweep at a time, rescheduled after each run', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000);
    await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(3));
    await ensureRecurringJob('billing.sweep');
    await ensureRecurringJob('billing.sweep');
    await runDueJobs();
    expect(await hoursOf(buyer.accountId)).toHaveLength(3);
    const waiting = (await db().select({ n: count() }).from(jobs).where(and(eq(jobs.kind, 'billing.sweep'), eq(jobs.state, 'waiting'))).limit(1)).at(0)!.n;
    expect(waiting).toBe(1);
  });
});

describe('MKT-12 arrears', () => {
  it('a charge the wallet cannot pay is recorded as arrears and stops the running instances until a top-up', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 50);
    const [id] = await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(2.5));
    await settleHours();
    // Hour 1 leaves 18 fen; hour 2 cannot be paid: the wallet goes to -14 fen, recorded as arrears.
    expect(await walletBalance(buyer)).toBe(50 - 64);
    expect((await hoursOf(buyer.accountId)).map((h) => h.arrears)).toEqual([false, true]);
    const instance = await getInstance(buyer, id);
    expect([instance.status, instance.statusReason]).toEqual(['Stopped', 'arrears']);
    await expectCloudError(async () => await startInstance(buyer, id), 'Account.Arrearage');
    await expectCloudError(async () => await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101'), instanceTypeId: 'ecs.t6-c1m1.large', amount: 1, skuCode: 'lnmp000101-hourly' }), 'Account.Arrearage');
    const told = await db().select().from(notifications).where(and(eq(notifications.accountId, buyer.accountId), eq(notifications.kind, 'instancesStoppedForArrears')));
    expect(told).toHaveLength(1);

    clock.set(at(10));
    await settleHours();
    expect(await hoursOf(buyer.accountId)).toHaveLength(3); // the hour it stopped in (2:00–3:00) was started; nothing after
    await fund(buyer, 1_000);
    expect((await startInstance(buyer, id)).status).toBe('Running');
    expect(await ledgerSum()).toBe(0);
  });
});

describe('MKT-11 subscriptions', () => {
  async function subscribed(buyer: Actor) {
    clock.set(T0);
    await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    const [id] = await launchRunning(buyer, { imageId: await productImage('ndpm000105') }, at(0));
    return id;
  }

  it('a monthly license sets the instance to end with it; renewal extends it by whole months and is paid up front', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const id = await subscribed(buyer);
    const instance = await getInstance(buyer, id);
    expect(instance.billing).toBe('subscription');
    expectAbout(instance.expiresAt, '2026-04-02T00:00:00Z');
    const renewal = await renewInstance(buyer, { instanceId: id, periods: 2 });
    expect(renewal.amountFen).toBe(5_800);
    expectAbout((await getInstance(buyer, id)).expiresAt, '2026-06-02T00:00:00Z');
    expect(await walletBalance(buyer)).toBe(100_000 - 2_900 - 5_800);
    await expectCloudError(async () => await renewInstance(buyer, { instanceId: id, periods: 13 }), 'InvalidParameter.Period');
  });

  it('the renewal review (issue 16) quotes what the renewal then charges, and quoting charges nothing', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const id = await subscribed(buyer);
    const before = await walletBalance(buyer);
    const quote = await quoteRenewal(buyer, { instanceId: id, periods: 3 });
    expect(quote).toMatchObject({ instanceId: id, productCode: 'ndpm000105', pricingModel: 'monthly', periods: 3, unitPriceFen: 2_900, amountFen: 8_700, balanceFen: before, balanceAfterFen: before - 8_700 });
    expect(await walletBalance(buyer)).toBe(before);
    const renewal = await renewInstance(buyer, { instanceId: id, periods: 3 });
    expect(renewal.amountFen).toBe(quote.amountFen);
    expect(renewal.expiresAt).toEqual(quote.newEndsAt);
    expect(await walletBalance(buyer)).toBe(quote.balanceAfterFen);
  });

  it('at expiry the instance is frozen and the seller told; it costs nothing frozen; after the grace period it is released', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const id = await subscribed(buyer);
    const seller = sellers.get('xinghe')!.accountId;
    clock.set(new Date('2026-04-02T00:00:01Z'));
    await expireSubscriptions();
    expect(await getInstance(buyer, id)).toMatchObject({ status: 'Frozen', statusReason: 'expired' });
    const calls = await db().select().from(sellerDeliveries).where(eq(sellerDeliveries.sellerAccountId, seller));
    expect(calls.filter((c) => JSON.parse(c.body).accountId === buyer.accountId).map((c) => c.activity)).toEqual(['newInstance', 'expireInstance']);
    await expectCloudError(async () => await startInstance(buyer, id), 'IncorrectInstanceStatus');

    clock.set(new Date('2026-04-02T05:00:00Z'));
    await settleHours();
    // Every hour of the month, plus the hour it was frozen in (it ran its first second).
    const charged = (await hoursOf(buyer.accountId)).length;
    expect(charged).toBe(31 * 24 + 1);
    clock.set(new Date('2026-04-16T23:59:00Z'));
    await settleHours();
    expect(await hoursOf(buyer.accountId)).toHaveLength(charged);
    await releaseExpired();
    expect((await getInstance(buyer, id)).status).toBe('Frozen');
    clock.set(new Date('2026-04-17T00:00:01Z'));
    await releaseExpired();
    expect((await getInstance(buyer, id)).status).toBe('Released');
  });

  it('the billing job sweeps many ending subscriptions with turns of the event loop between them (issue 13)', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const ids = [await subscribed(buyer), await subscribed(buyer), await subscribed(buyer)];
    clock.set(new Date('2026-04-02T00:00:01Z'));
    // A turn budget of 0 ms: the event loop gets a turn after every item's transaction.
    const { result: swept, turns } = await turnsDuring(async () => await sweepSubscriptions(clock.now(), { turnMs: 0 }));
    expect(swept).toBeGreaterThanOrEqual(3);
    expect(turns).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(await getInstance(buyer, id)).toMatchObject({ status: 'Frozen', statusReason: 'expired' });
  });

  it('renewing a frozen, expired instance unfreezes it, stopped, for its owner to start', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const id = await subscribed(buyer);
    clock.set(new Date('2026-04-03T00:00:00Z'));
    await expireSubscriptions();
    await renewInstance(buyer, { instanceId: id, periods: 1 });
    const instance = await getInstance(buyer, id);
    expect([instance.status, instance.statusReason]).toEqual(['Stopped', null]);
    expectAbout(instance.expiresAt, '2026-05-03T00:00:00Z');
    expect((await startInstance(buyer, id)).status).toBe('Running');
  });

  it('an instance without a subscription cannot be renewed; another account’s instance does not exist', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const [payg] = await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    await expectCloudError(async () => await renewInstance(buyer, { instanceId: payg, periods: 1 }), 'InvalidInstance.NotSubscription');
    const id = await subscribed(buyer);
    await expectCloudError(async () => await renewInstance(await newBuyer(), { instanceId: id, periods: 1 }), 'InvalidInstanceId.NotFound');
    expect(await ledgerSum()).toBe(0);
  });
});

describe('MKT-11 subscription licenses nobody runs', () => {
  it('expire at their end and are released after the grace period; the seller hears both, once', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(T0);
    const { licenseIds } = await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    const calls = async () => (await db().select().from(sellerDeliveries).where(eq(sellerDeliveries.orderLineId, licenseIds[0]))).map((c) => c.activity);
    const status = async () => (await db().select().from(licenses).where(eq(licenses.id, licenseIds[0])).limit(1)).at(0)!.status;
    clock.set(new Date('2026-04-02T00:00:01Z'));
    await endUnusedLicenses();
    await endUnusedLicenses();
    expect([await status(), await calls()]).toEqual(['expired', ['newInstance', 'expireInstance']]);
    clock.set(new Date('2026-04-17T00:00:01Z'));
    await endUnusedLicenses();
    await endUnusedLicenses();
    expect([await status(), await calls()]).toEqual(['released', ['newInstance', 'expireInstance', 'releaseInstance']]);
  });

  it('a license that ended with its instance is not expired a second time', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(T0);
    const { licenseIds } = await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    await launchRunning(buyer, { imageId: await productImage('ndpm000105') }, at(0));
    clock.set(new Date('2026-04-02T00:00:01Z'));
    await expireSubscriptions();
    clock.set(new Date('2026-04-17T00:00:01Z'));
    await releaseExpired();
    await endUnusedLicenses();
    const calls = (await db().select().from(sellerDeliveries).where(eq(sellerDeliveries.orderLineId, licenseIds[0]))).map((c) => c.activity);
    expect(calls).toEqual(['newInstance', 'expireInstance', 'releaseInstance']);
  });
});

describe('MKT-11 when a disk replacement changes the license', () => {
  it('moving onto a subscription product makes the instance end with that license; moving off makes it pay-as-you-go', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(T0);
    const system = (await db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
    const [id] = await launchRunning(buyer, { imageId: system.id });
    await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    await stopInstance(buyer, id);
    await replaceSystemDisk(buyer, { instanceId: id, imageId: await productImage('ndpm000105') });
    expect((await getInstance(buyer, id)).billing).toBe('subscription');
    expectAbout((await getInstance(buyer, id)).expiresAt, '2026-04-02T00:00:00Z');
    await replaceSystemDisk(buyer, { instanceId: id, imageId: system.id });
    expect([(await getInstance(buyer, id)).billing, (await getInstance(buyer, id)).expiresAt]).toEqual(['payg', null]);
  });
});

describe('spending (the billing page’s charts)', () => {
  it('adds up purchases, hourly image fees and compute by product and by day (UTC+8)', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(at(-10)); // 1 March, 22:00 in China
    await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 2 });
    await launchRunning(buyer, { imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(3));
    await settleHours();
    const result = await spending(buyer);
    expect(result.byProduct).toEqual([
      { productCode: 'ndpm000105', title: expect.any(String), fen: 5_800 },
      { productCode: 'lnmp000101', title: expect.any(String), fen: 60 },
      { productCode: null, title: null, fen: 36 },
    ]);
    expect(result.totalFen).toBe(5_896);
    expect(result.byDay).toHaveLength(30);
    expect(result.byDay.at(-1)).toEqual({ day: '2026-03-02', fen: 96 });
    expect(result.byDay.at(-2)).toEqual({ day: '2026-03-01', fen: 5_800 });
  });
});

describe('a buyer is charged once (IMP-8 ClientToken on purchases and renewals)', () => {
  it('the same purchase or renewal form sent twice buys once; the same token with other parameters is refused', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(T0);
    const buy = async (quantity: number) => await purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity, clientToken: 'form-1' });
    const first = await buy(1);
    expect(await buy(1)).toEqual(first);
    await expectCloudError(async () => await buy(2), 'IdempotentParameterMismatch');
    expect(await walletBalance(buyer)).toBe(100_000 - 2_900);

    const [id] = await launchRunning(buyer, { imageId: await productImage('ndpm000105') }, at(0));
    const renewal = await renewInstance(buyer, { instanceId: id, periods: 2, clientToken: 'renew-1' });
    // The replay has the first answer's types: expiresAt is a Date, not the JSON string (issue 14).
    const replay = await renewInstance(buyer, { instanceId: id, periods: 2, clientToken: 'renew-1' });
    expect(replay.expiresAt).toBeInstanceOf(Date);
    expect(replay).toEqual(renewal);
    expect(await walletBalance(buyer)).toBe(100_000 - 2_900 - 5_800);
    expectAbout((await getInstance(buyer, id)).expiresAt, '2026-06-02T00:00:00Z');
  });

  it('RunInstances sent twice with one ClientToken launches once and answers the same', async () => {
    const buyer = await newBuyer();
    const request = { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101'), skuCode: 'lnmp000101-hourly', instanceTypeId: 'ecs.t6-c1m1.large', amount: 2, clientToken: 'run-1' };
    const first = await runInstances(buyer, request);
    expect(await runInstances(buyer, request)).toEqual(first);
    expect((await db().select({ n: count() }).from(instances).where(eq(instances.accountId, buyer.accountId)).limit(1)).at(0)!.n).toBe(2);
  });
});
