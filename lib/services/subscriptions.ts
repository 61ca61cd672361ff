// Subscriptions (MKT-11): renewal extends an instance's end; at the end the instance is frozen
// and the seller is told; after the grace period (ADM-4) it is released.
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { instances, licenses, orders, products } from '../../db/schema';
import { clock } from '../clock';
import { platformActor, type Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId, newResourceId } from '../domain/ids';
import { isSubscriptionModel, subscriptionModels } from '../domain/marketplace';
import { authorize } from '../domain/permissions';
import { MAX_RENEWAL_PERIODS, shiftTerm } from '../domain/pricing';
import { timesFen } from '../domain/money';
import { parseInput } from '../domain/validation';
import { moveInstance } from './instance-status';
import { balanceOf, bookId } from './ledger';
import { paySale } from './orders';
import { notify } from './notifications';
import { periodOf, tellSeller, tellSellerAbout } from './seller-calls';
import { readSettings } from './settings';
import { once } from './idempotency';
import { mutate, read, type AuditNote, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { changedRows } from '../../db/portable';

const DAY_MS = 86_400_000;

const renewSchema = z.object({ instanceId: z.string().min(1), periods: z.coerce.number().int().min(1).max(MAX_RENEWAL_PERIODS), clientToken: z.string().min(1).max(64).optional() });

/** What a renewal returns, and how a replayed one (IMP-8) is read back. */
const renewalResult = z.object({ orderId: z.string(), expiresAt: z.coerce.date(), amountFen: z.number() });
export type RenewalResult = z.infer<typeof renewalResult>;

/** Buys `periods` more months or years for a subscription instance; a frozen, expired one is unfrozen. */
export async function renewInstance(actor: Actor, input: unknown): Promise<RenewalResult> {
  return await mutate(actor, 'RenewInstance', async (tx, note) => {
    authorize(actor, 'instance.renew');
    const { clientToken, ...request } = parseInput(renewSchema, input, { instanceId: 'InvalidInstanceId.NotFound', periods: 'InvalidParameter.Period' });
    note.target = request.instanceId;
    // A renewal sent twice (a double click, a retried request) is paid once.
    return await once(tx, actor, 'RenewInstance', clientToken, request, renewalResult, async () => await renew(tx, actor, request, note));
  });
}

/** The caller's subscription instance, its license, what `periods` more cost and the new end; refused as a renewal is. */
async function priceRenewal(db: Db | Tx, actor: Actor, request: { instanceId: string; periods: number }) {
  const instance = (await db.select().from(instances).where(and(eq(instances.id, request.instanceId), eq(instances.accountId, actor.accountId))).limit(1)).at(0);
  if (!instance || instance.status === 'Released') throw new CloudError('InvalidInstanceId.NotFound', { instanceId: request.instanceId }, 'instanceId');
  const held = instance.licenseId ? (await db.select({ license: licenses, order: orders }).from(licenses).innerJoin(orders, eq(orders.id, licenses.orderId)).where(eq(licenses.id, instance.licenseId)).limit(1)).at(0) : undefined;
  const model = held?.license.pricingModel;
  if (!held || !instance.expiresAt || !isSubscriptionModel(model)) throw new CloudError('InvalidInstance.NotSubscription', { instanceId: instance.id });
  const now = clock.now();
  // The new term starts where the old one ends, or now when it has already ended.
  const termStartsAt = instance.expiresAt > now ? instance.expiresAt : now;
  const expiresAt = shiftTerm(model, termStartsAt, request.periods);
  return { instance: { ...instance, expiresAt: instance.expiresAt }, held, model, amountFen: timesFen(held.order.unitPriceFen, request.periods), termStartsAt, expiresAt };
}

/** What renewInstance would charge for the same input, changing nothing: the console's order review (issue 16) and the API's DescribePrice. */
export async function quoteRenewal(actor: Actor, input: unknown) {
  authorize(actor, 'instance.renew');
  const { clientToken: _, ...request } = parseInput(renewSchema, input, { instanceId: 'InvalidInstanceId.NotFound', periods: 'InvalidParameter.Period' });
  return await read(async (db) => {
    const { instance, held, model, amountFen, expiresAt } = await priceRenewal(db, actor, request);
    const balanceFen = await balanceOf(db, bookId('wallet', actor.accountId));
    const title = (await db.select({ title: products.title }).from(products).where(eq(products.code, held.license.productCode)).limit(1)).at(0)?.title ?? held.license.productCode;
    return {
      instanceId: instance.id,
      instanceName: instance.name,
      productCode: held.license.productCode,
      productTitle: title,
      pricingModel: model,
      periods: request.periods,
      unitPriceFen: held.order.unitPriceFen,
      amountFen,
      endsAt: instance.expiresAt,
      newEndsAt: expiresAt,
      balanceFen,
      balanceAfterFen: balanceFen - amountFen,
    };
  });
}
export type RenewalQuote = Awaited<ReturnType<typeof quoteRenewal>>;

/** The renewal itself, inside RenewInstance's transaction. */
async function renew(tx: Tx, actor: Actor, request: { instanceId: string; periods: number }, note: AuditNote): Promise<RenewalResult> {
  const { instance, held, model, amountFen, termStartsAt, expiresAt } = await priceRenewal(tx, actor, request);
  const now = clock.now();
  const product = (await tx.select().from(products).where(eq(products.code, held.license.productCode)).limit(1)).at(0)!;
  const orderId = newResourceId('o');
  await tx.insert(orders)
    .values({ id: orderId, accountId: actor.accountId, productCode: product.code, skuCode: held.order.skuCode, pricingModel: model, regionId: instance.regionId, quantity: request.periods, unitPriceFen: held.order.unitPriceFen, amountFen, status: 'paid', kind: 'renewal', instanceId: instance.id, termStartsAt, createdAt: now });
  await paySale(tx, { buyerAccountId: actor.accountId, sellerAccountId: product.sellerAccountId, amountFen, orderId });
  await tx.update(licenses).set({ expiresAt }).where(eq(licenses.id, held.license.id));
  const thawed = instance.status === 'Frozen' && instance.statusReason === 'expired';
  // It comes back stopped, as after any freeze: the owner decides when it runs (and pays) again.
  if (thawed) await moveInstance(tx, instance, { to: 'Stopped', set: { expiresAt } });
  else await tx.update(instances).set({ expiresAt }).where(eq(instances.id, instance.id));
  await tellSeller(tx, 'refreshInstance', { licenseId: held.license.id, orderId, amountFen, period: periodOf(model, request.periods) });
  if (thawed) await tellSeller(tx, 'updateInstanceStatus', { licenseId: held.license.id, status: 'normal' });
  note.detail = { orderId, periods: request.periods, amountFen, expiresAt: expiresAt.toISOString() };
  return { orderId, expiresAt, amountFen };
}

type Due = { id: string; accountId: string };

/** Freezes every subscription instance whose term has ended; returns how many. */
export const expireSubscriptions = async (now = clock.now()): Promise<number> => await countSteps(expiring(now));

async function* expiring(now: Date): AsyncGenerator<void> {
  const due: Due[] = await read(async (db) =>
    await db
      .select({ id: instances.id, accountId: instances.accountId })
      .from(instances)
      .where(and(eq(instances.billing, 'subscription'), lte(instances.expiresAt, now), inArray(instances.status, ['Pending', 'Running', 'Stopped']))),
  );
  for (const { id, accountId } of due) {
    await mutate(platformActor(accountId, newRequestId()), 'ExpireInstance', async (tx, note) => {
      note.target = id;
      const instance = (await tx.select().from(instances).where(eq(instances.id, id)).limit(1)).at(0)!;
      // Renewed or released since it was found: nothing to do.
      if (!instance.expiresAt || instance.expiresAt > clock.now() || !['Pending', 'Running', 'Stopped'].includes(instance.status)) return;
      await moveInstance(tx, instance, { to: 'Frozen', reason: 'expired' });
      await notify(tx, accountId, 'subscriptionExpired', { instanceId: id });
      await tellSellerAbout(tx, instance, 'expireInstance');
    });
    yield;
  }
}

/** Releases expired instances frozen for longer than the grace period; their licenses end with them. */
export const releaseExpired = async (now = clock.now()): Promise<number> => await countSteps(releasing(now));

async function* releasing(now: Date): AsyncGenerator<void> {
  const graceMs = await read(async (db) => (await readSettings(db)).subscriptionGraceDays) * DAY_MS;
  const due: Due[] = await read(async (db) =>
    await db
      .select({ id: instances.id, accountId: instances.accountId })
      .from(instances)
      .where(and(eq(instances.status, 'Frozen'), eq(instances.statusReason, 'expired'), lte(instances.expiresAt, new Date(now.getTime() - graceMs)))),
  );
  for (const { id, accountId } of due) {
    await mutate(platformActor(accountId, newRequestId()), 'ReleaseExpiredInstance', async (tx, note) => {
      note.target = id;
      const instance = (await tx.select().from(instances).where(eq(instances.id, id)).limit(1)).at(0)!;
      if (instance.status !== 'Frozen' || instance.statusReason !== 'expired') return;
      // The license ends with its instance: it does not go back to the pool to expire a second time.
      if (instance.licenseId) await tx.update(licenses).set({ status: 'released', instanceId: null }).where(eq(licenses.id, instance.licenseId));
      await moveInstance(tx, instance, { to: 'Released', reason: 'expired', set: { releasedAt: clock.now(), licenseId: null } });
      await notify(tx, accountId, 'subscriptionReleased', { instanceId: id });
      await tellSellerAbout(tx, instance, 'releaseInstance');
    });
    yield;
  }
}

/**
 * A subscription license nobody runs still ends (MKT-11, SEL-3): at its end it is expired and the
 * seller told (expireInstance); after the grace period it is released (releaseInstance).
 */
export const endUnusedLicenses = async (now = clock.now()): Promise<number> => await countSteps(endingLicenses(now));

async function* endingLicenses(now: Date): AsyncGenerator<void> {
  const graceMs = await read(async (db) => (await readSettings(db)).subscriptionGraceDays) * DAY_MS;
  const subscription = inArray(licenses.pricingModel, subscriptionModels);
  const due = await read(async (db) =>
    await db
      .select({ id: licenses.id, accountId: licenses.accountId, status: licenses.status })
      .from(licenses)
      .where(
        and(
          subscription,
          or(and(eq(licenses.status, 'available'), lte(licenses.expiresAt, now)), and(eq(licenses.status, 'expired'), lte(licenses.expiresAt, new Date(now.getTime() - graceMs)))),
        ),
      ),
  );
  for (const license of due) {
    const ending = license.status === 'available' ? ('expired' as const) : ('released' as const);
    await mutate(platformActor(license.accountId, newRequestId()), ending === 'expired' ? 'ExpireLicense' : 'ReleaseLicense', async (tx, note) => {
      note.target = license.id;
      const changed = await tx.update(licenses).set({ status: ending }).where(and(eq(licenses.id, license.id), eq(licenses.status, license.status)));
      if (changedRows(changed) > 0) await tellSeller(tx, ending === 'expired' ? 'expireInstance' : 'releaseInstance', { licenseId: license.id });
    });
    yield;
  }
}

/** Each step of a sweep is one item's transaction; run alone (scripts, tests) they simply follow one another. */
async function countSteps(steps: AsyncIterable<void>): Promise<number> {
  let n = 0;
  for await (const _ of steps) n++;
  return n;
}

const TURN_MS = 8;

/**
 * The billing job's MKT-11 sweeps: expiring, releasing and ending, one transaction per item as
 * above, handing the event loop back every few milliseconds, so thousands of subscriptions that
 * end at the same moment never hold a request up for long (issue 13).
 */
export async function sweepSubscriptions(now = clock.now(), { turnMs = TURN_MS } = {}): Promise<number> {
  let n = 0;
  let turn = performance.now();
  for (const steps of [expiring(now), releasing(now), endingLicenses(now)]) {
    for await (const _ of steps) {
      n++;
      if (performance.now() - turn < turnMs) continue;
      await yieldToRequests();
      turn = performance.now();
    }
  }
  return n;
}
