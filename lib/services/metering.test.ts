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
beforeAll(() => {
  sellers = seedTestMarketplace(db());
  withoutLaunchMinimum(db()); // the arrears test launches with ¥0.50
  // SEL-3: the seller of the subscription product has an interface to tell.
  db().update(products).set({ interfaceUrl: 'https://seller.example.com/calls' }).where(eq(products.code, 'ndpm000105')).run();
});
afterEach(() => clock.reset());

const HOUR = 3_600_000;
/** A whole UTC hour, so "10 hours stopped" is exactly 10 billed hours. */
const T0 = new Date('2026-03-02T00:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/** Launches at T0 - 10 s and boots exactly at `bootAt`, so Running time starts on the hour. */
function launchRunning(actor: Actor, input: Record<string, unknown>, bootAt = T0): string[] {
  clock.set(new Date(bootAt.getTime() - 10_000));
  const { instanceIds } = runInstances(actor, { regionId: 'cn-hangzhou', instanceTypeId: 'ecs.t6-c1m1.large', amount: 1, ...input });
  clock.set(bootAt);
  completeBoot({ ...actor, roles: [] }, instanceIds);
  return instanceIds;
}

/** The test clock is set relative to the wall clock, so instants it stamps are within a second. */
function expectAbout(actual: Date | null, expected: string) {
  expect(Math.abs(actual!.getTime() - new Date(expected).getTime())).toBeLessThan(1_000);
}

const hoursOf = (accountId: string) => db().select().from(meteredHours).where(eq(meteredHours.accountId, accountId)).all();
const sellerPayable = (code: string) => balanceOf(db(), bookId('seller_payable', sellers.get(code)!.accountId));

describe('MKT-10 hourly metering', () => {
  it('72 hours, 3 hourly instances, one stopped for 10 hours: exactly 206 instance-hours, charged in fen', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const sellerBefore = sellerPayable('cloudsail');
    // lnmp000101 hourly: ¥0.20 an hour for the image, on ecs.t6-c1m1.large at ¥0.12 an hour.
    const ids = launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly', amount: 3 });
    clock.set(new Date(at(10).getTime() - 1_000)); // the test clock drifts a few ms: stop just before 10:00
    stopInstance(buyer, ids[2]);
    clock.set(at(20));
    startInstance(buyer, ids[2]);
    clock.set(at(72));

    settleHours();

    const hours = hoursOf(buyer.accountId);
    expect(hours.filter((h) => h.instanceId === ids[0])).toHaveLength(72);
    expect(hours.filter((h) => h.instanceId === ids[1])).toHaveLength(72);
    expect(hours.filter((h) => h.instanceId === ids[2])).toHaveLength(62);
    expect(walletBalance(buyer)).toBe(100_000 - 206 * 32);
    // The seller gets ¥0.20 less the 10% commission (2 fen) for each hour: 18 fen.
    expect(sellerPayable('cloudsail') - sellerBefore).toBe(206 * 18);
    expect(ledgerSum()).toBe(0);
  });

  it('charges each hour once: settling twice, or in two steps, gives the same 72 hours', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const [id] = launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(36.5));
    settleHours();
    expect(hoursOf(buyer.accountId)).toHaveLength(36);
    clock.set(at(72));
    settleHours();
    settleHours();
    // A run that died after charging but before moving its mark: the hours are still charged once.
    db().update(instances).set({ meteredUntil: T0 }).where(eq(instances.id, id)).run();
    settleHours();
    expect(hoursOf(buyer.accountId)).toHaveLength(72);
    expect(walletBalance(buyer)).toBe(100_000 - 72 * 32);
  });

  it('a started hour counts in full; no Running time, no charge; stopped and released instances stop costing', () => {
    const buyer = newBuyer();
    fund(buyer, 10_000);
    const [id] = launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' }, at(0.5));
    clock.set(at(0.75));
    stopInstance(buyer, id);
    clock.set(at(5));
    settleHours();
    expect(hoursOf(buyer.accountId)).toHaveLength(1);
    expect(walletBalance(buyer)).toBe(10_000 - 32);
  });

  it('runs as a durable recurring job: one waiting sweep at a time, rescheduled after each run', async () => {
    const buyer = newBuyer();
    fund(buyer, 10_000);
    launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(3));
    ensureRecurringJob('billing.sweep');
    ensureRecurringJob('billing.sweep');
    await runDueJobs();
    expect(hoursOf(buyer.accountId)).toHaveLength(3);
    const waiting = db().select({ n: count() }).from(jobs).where(and(eq(jobs.kind, 'billing.sweep'), eq(jobs.state, 'waiting'))).get()!.n;
    expect(waiting).toBe(1);
  });
});

describe('MKT-12 arrears', () => {
  it('a charge the wallet cannot pay is recorded as arrears and stops the running instances until a top-up', () => {
    const buyer = newBuyer();
    fund(buyer, 50);
    const [id] = launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(2.5));
    settleHours();
    // Hour 1 leaves 18 fen; hour 2 cannot be paid: the wallet goes to -14 fen, recorded as arrears.
    expect(walletBalance(buyer)).toBe(50 - 64);
    expect(hoursOf(buyer.accountId).map((h) => h.arrears)).toEqual([false, true]);
    const instance = getInstance(buyer, id);
    expect([instance.status, instance.statusReason]).toEqual(['Stopped', 'arrears']);
    expectCloudError(() => startInstance(buyer, id), 'Account.Arrearage');
    expectCloudError(() => runInstances(buyer, { regionId: 'cn-hangzhou', imageId: productImage('lnmp000101'), instanceTypeId: 'ecs.t6-c1m1.large', amount: 1, skuCode: 'lnmp000101-hourly' }), 'Account.Arrearage');
    const told = db().select().from(notifications).where(and(eq(notifications.accountId, buyer.accountId), eq(notifications.kind, 'instancesStoppedForArrears'))).all();
    expect(told).toHaveLength(1);

    clock.set(at(10));
    settleHours();
    expect(hoursOf(buyer.accountId)).toHaveLength(3); // the hour it stopped in (2:00–3:00) was started; nothing after
    fund(buyer, 1_000);
    expect(startInstance(buyer, id).status).toBe('Running');
    expect(ledgerSum()).toBe(0);
  });
});

describe('MKT-11 subscriptions', () => {
  function subscribed(buyer: Actor) {
    clock.set(T0);
    purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    const [id] = launchRunning(buyer, { imageId: productImage('ndpm000105') }, at(0));
    return id;
  }

  it('a monthly license sets the instance to end with it; renewal extends it by whole months and is paid up front', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const id = subscribed(buyer);
    const instance = getInstance(buyer, id);
    expect(instance.billing).toBe('subscription');
    expectAbout(instance.expiresAt, '2026-04-02T00:00:00Z');
    const renewal = renewInstance(buyer, { instanceId: id, periods: 2 });
    expect(renewal.amountFen).toBe(5_800);
    expectAbout(getInstance(buyer, id).expiresAt, '2026-06-02T00:00:00Z');
    expect(walletBalance(buyer)).toBe(100_000 - 2_900 - 5_800);
    expectCloudError(() => renewInstance(buyer, { instanceId: id, periods: 13 }), 'InvalidParameter.Period');
  });

  it('the renewal review (issue 16) quotes what the renewal then charges, and quoting charges nothing', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const id = subscribed(buyer);
    const before = walletBalance(buyer);
    const quote = quoteRenewal(buyer, { instanceId: id, periods: 3 });
    expect(quote).toMatchObject({ instanceId: id, productCode: 'ndpm000105', pricingModel: 'monthly', periods: 3, unitPriceFen: 2_900, amountFen: 8_700, balanceFen: before, balanceAfterFen: before - 8_700 });
    expect(walletBalance(buyer)).toBe(before);
    const renewal = renewInstance(buyer, { instanceId: id, periods: 3 });
    expect(renewal.amountFen).toBe(quote.amountFen);
    expect(renewal.expiresAt).toEqual(quote.newEndsAt);
    expect(walletBalance(buyer)).toBe(quote.balanceAfterFen);
  });

  it('at expiry the instance is frozen and the seller told; it costs nothing frozen; after the grace period it is released', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const id = subscribed(buyer);
    const seller = sellers.get('xinghe')!.accountId;
    clock.set(new Date('2026-04-02T00:00:01Z'));
    expireSubscriptions();
    expect(getInstance(buyer, id)).toMatchObject({ status: 'Frozen', statusReason: 'expired' });
    const calls = db().select().from(sellerDeliveries).where(eq(sellerDeliveries.sellerAccountId, seller)).all();
    expect(calls.filter((c) => JSON.parse(c.body).accountId === buyer.accountId).map((c) => c.activity)).toEqual(['newInstance', 'expireInstance']);
    expectCloudError(() => startInstance(buyer, id), 'IncorrectInstanceStatus');

    clock.set(new Date('2026-04-02T05:00:00Z'));
    settleHours();
    // Every hour of the month, plus the hour it was frozen in (it ran its first second).
    const charged = hoursOf(buyer.accountId).length;
    expect(charged).toBe(31 * 24 + 1);
    clock.set(new Date('2026-04-16T23:59:00Z'));
    settleHours();
    expect(hoursOf(buyer.accountId)).toHaveLength(charged);
    releaseExpired();
    expect(getInstance(buyer, id).status).toBe('Frozen');
    clock.set(new Date('2026-04-17T00:00:01Z'));
    releaseExpired();
    expect(getInstance(buyer, id).status).toBe('Released');
  });

  it('the billing job sweeps many ending subscriptions with turns of the event loop between them (issue 13)', async () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const ids = [subscribed(buyer), subscribed(buyer), subscribed(buyer)];
    clock.set(new Date('2026-04-02T00:00:01Z'));
    // A turn budget of 0 ms: the event loop gets a turn after every item's transaction.
    const { result: swept, turns } = await turnsDuring(() => sweepSubscriptions(clock.now(), { turnMs: 0 }));
    expect(swept).toBeGreaterThanOrEqual(3);
    expect(turns).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(getInstance(buyer, id)).toMatchObject({ status: 'Frozen', statusReason: 'expired' });
  });

  it('renewing a frozen, expired instance unfreezes it, stopped, for its owner to start', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const id = subscribed(buyer);
    clock.set(new Date('2026-04-03T00:00:00Z'));
    expireSubscriptions();
    renewInstance(buyer, { instanceId: id, periods: 1 });
    const instance = getInstance(buyer, id);
    expect([instance.status, instance.statusReason]).toEqual(['Stopped', null]);
    expectAbout(instance.expiresAt, '2026-05-03T00:00:00Z');
    expect(startInstance(buyer, id).status).toBe('Running');
  });

  it('an instance without a subscription cannot be renewed; another account’s instance does not exist', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    const [payg] = launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    expectCloudError(() => renewInstance(buyer, { instanceId: payg, periods: 1 }), 'InvalidInstance.NotSubscription');
    const id = subscribed(buyer);
    expectCloudError(() => renewInstance(newBuyer(), { instanceId: id, periods: 1 }), 'InvalidInstanceId.NotFound');
    expect(ledgerSum()).toBe(0);
  });
});

describe('MKT-11 subscription licenses nobody runs', () => {
  it('expire at their end and are released after the grace period; the seller hears both, once', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    clock.set(T0);
    const { licenseIds } = purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    const calls = () => db().select().from(sellerDeliveries).where(eq(sellerDeliveries.orderLineId, licenseIds[0])).all().map((c) => c.activity);
    const status = () => db().select().from(licenses).where(eq(licenses.id, licenseIds[0])).get()!.status;
    clock.set(new Date('2026-04-02T00:00:01Z'));
    endUnusedLicenses();
    endUnusedLicenses();
    expect([status(), calls()]).toEqual(['expired', ['newInstance', 'expireInstance']]);
    clock.set(new Date('2026-04-17T00:00:01Z'));
    endUnusedLicenses();
    endUnusedLicenses();
    expect([status(), calls()]).toEqual(['released', ['newInstance', 'expireInstance', 'releaseInstance']]);
  });

  it('a license that ended with its instance is not expired a second time', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    clock.set(T0);
    const { licenseIds } = purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    launchRunning(buyer, { imageId: productImage('ndpm000105') }, at(0));
    clock.set(new Date('2026-04-02T00:00:01Z'));
    expireSubscriptions();
    clock.set(new Date('2026-04-17T00:00:01Z'));
    releaseExpired();
    endUnusedLicenses();
    const calls = db().select().from(sellerDeliveries).where(eq(sellerDeliveries.orderLineId, licenseIds[0])).all().map((c) => c.activity);
    expect(calls).toEqual(['newInstance', 'expireInstance', 'releaseInstance']);
  });
});

describe('MKT-11 when a disk replacement changes the license', () => {
  it('moving onto a subscription product makes the instance end with that license; moving off makes it pay-as-you-go', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    clock.set(T0);
    const system = db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).get()!;
    const [id] = launchRunning(buyer, { imageId: system.id });
    purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 1 });
    stopInstance(buyer, id);
    replaceSystemDisk(buyer, { instanceId: id, imageId: productImage('ndpm000105') });
    expect(getInstance(buyer, id).billing).toBe('subscription');
    expectAbout(getInstance(buyer, id).expiresAt, '2026-04-02T00:00:00Z');
    replaceSystemDisk(buyer, { instanceId: id, imageId: system.id });
    expect([getInstance(buyer, id).billing, getInstance(buyer, id).expiresAt]).toEqual(['payg', null]);
  });
});

describe('spending (the billing page’s charts)', () => {
  it('adds up purchases, hourly image fees and compute by product and by day (UTC+8)', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    clock.set(at(-10)); // 1 March, 22:00 in China
    purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity: 2 });
    launchRunning(buyer, { imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly' });
    clock.set(at(3));
    settleHours();
    const result = spending(buyer);
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
  it('the same purchase or renewal form sent twice buys once; the same token with other parameters is refused', () => {
    const buyer = newBuyer();
    fund(buyer, 100_000);
    clock.set(T0);
    const buy = (quantity: number) => purchaseLicenses(buyer, { productCode: 'ndpm000105', skuCode: 'ndpm000105-monthly', regionId: 'cn-hangzhou', quantity, clientToken: 'form-1' });
    const first = buy(1);
    expect(buy(1)).toEqual(first);
    expectCloudError(() => buy(2), 'IdempotentParameterMismatch');
    expect(walletBalance(buyer)).toBe(100_000 - 2_900);

    const [id] = launchRunning(buyer, { imageId: productImage('ndpm000105') }, at(0));
    const renewal = renewInstance(buyer, { instanceId: id, periods: 2, clientToken: 'renew-1' });
    // The replay has the first answer's types: expiresAt is a Date, not the JSON string (issue 14).
    const replay = renewInstance(buyer, { instanceId: id, periods: 2, clientToken: 'renew-1' });
    expect(replay.expiresAt).toBeInstanceOf(Date);
    expect(replay).toEqual(renewal);
    expect(walletBalance(buyer)).toBe(100_000 - 2_900 - 5_800);
    expectAbout(getInstance(buyer, id).expiresAt, '2026-06-02T00:00:00Z');
  });

  it('RunInstances sent twice with one ClientToken launches once and answers the same', () => {
    const buyer = newBuyer();
    const request = { regionId: 'cn-hangzhou', imageId: productImage('lnmp000101'), skuCode: 'lnmp000101-hourly', instanceTypeId: 'ecs.t6-c1m1.large', amount: 2, clientToken: 'run-1' };
    const first = runInstances(buyer, request);
    expect(runInstances(buyer, request)).toEqual(first);
    expect(db().select({ n: count() }).from(instances).where(eq(instances.accountId, buyer.accountId)).get()!.n).toBe(2);
  });
});
