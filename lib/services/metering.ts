// Hourly metering (MKT-10) and arrears (MKT-12). Each ended hour of each instance is settled
// once: compute goes to the platform, an hourly image's fee to its seller less commission.
// The metered_hours primary key makes a second settlement of the same hour a no-op, so a run
// repeated or cut short by a restart neither doubles nor skips an hour.
import { placeholders, preparedStatement, valueRows } from '../../db/prepared';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { and, asc, eq, gt, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { instances, instanceTypes } from '../../db/schema';
import { clock } from '../clock';
import { platformActor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { HOUR_MS, hoursToSettle, hourStart, meterHour, type HourCharge } from '../domain/metering';
import { splitSale } from '../domain/pricing';
import { moveInstance } from './instance-status';
import { balanceOf, ensureBook, platformBook, postTransfers, type Transfer } from './ledger';
import { notify } from './notifications';
import { readSettings } from './settings';
import { infrastructure, mutate, type Tx } from './transaction';

/**
 * One transaction settles at most this many instance-hours and stops taking accounts after
 * CHUNK_MS, so the sweep never holds the write lock (and the event loop) for long.
 */
export const HOURS_PER_TRANSACTION = 200;
const CHUNK_MS = 8;

type SweepOptions = { hoursPerTransaction?: number };

/**
 * Settles every ended hour up to `now`, the longest-waiting marks first, in bounded transactions
 * one after the other; returns the hours charged. Scripts and tests; the worker uses sweepHours.
 */
export async function settleHours(now = clock.now(), options: SweepOptions = {}): Promise<number> {
  let charged = 0;
  for await (const hours of settlementChunks(now, options)) charged += hours;
  return charged;
}

/** The same settlement, yielding to requests between its transactions (the billing sweep job). */
export async function sweepHours(now = clock.now(), options: SweepOptions = {}): Promise<number> {
  let charged = 0;
  for await (const hours of settlementChunks(now, options)) {
    charged += hours;
    await yieldToRequests();
  }
  return charged;
}

/**
 * Each step commits one chunk and yields the hours it charged. A crash between chunks leaves
 * the committed ones settled and their marks moved: the next run continues from the marks.
 */
async function* settlementChunks(now: Date, { hoursPerTransaction = HOURS_PER_TRANSACTION }: SweepOptions): AsyncGenerator<number> {
  const end = hourStart(now);
  // An account whose settlement failed (rolled back, audited) is left for the next run, so the others are still billed.
  const failed = new Set<string>();
  // Marks only move forward (to `end`, or to the first hour a budget left), so nothing due is ever behind the cursor.
  let after: SweepKey | null = null;
  for (;;) {
    const step = await settleChunk(end, hoursPerTransaction, failed, after);
    if (step === null) return;
    after = step.after;
    yield step.charged;
  }
}

/** A place in the sweep's order: the due-instance index's key. */
type SweepKey = { meteredUntil: Date; accountId: string; id: string };

/**
 * The due instances after `after` in the index's order. A chunk reads on from where the one
 * before left every instance settled: on PostgreSQL the index keeps the entries of the marks
 * earlier chunks moved until a vacuum, and a scan from the first mark walked them all, each chunk.
 */
function dueAfter(after: SweepKey | null) {
  if (!after) return undefined;
  return sql`(${instances.meteredUntil}, ${instances.accountId}, ${instances.id}) > (${sql.param(after.meteredUntil, instances.meteredUntil)}, ${after.accountId}, ${after.id})`;
}

type DueInstance = { id: string; accountId: string; meteredUntil: Date; licenseId: string | null; computeFenPerHour: number };

/** Whether an instance may still have hours to bill: the predicate of instances_unmetered_idx, word for word. */
const unmetered = or(isNull(instances.releasedAt), gt(instances.releasedAt, instances.meteredUntil));

/**
 * One transaction: the next due instances, grouped by account (one audited SettleHours each).
 * Says the hours charged and the key up to which every instance it read is settled; null when
 * nothing is due.
 */
async function settleChunk(end: Date, maxHours: number, failed: Set<string>, after: SweepKey | null): Promise<{ charged: number; after: SweepKey | null } | null> {
  const started = performance.now();
  return await infrastructure(async (tx) => {
    const due: DueInstance[] = await tx
      .select({ id: instances.id, accountId: instances.accountId, meteredUntil: instances.meteredUntil, licenseId: instances.licenseId, computeFenPerHour: instanceTypes.hourlyPriceFen })
      .from(instances)
      .innerJoin(instanceTypes, eq(instanceTypes.id, instances.instanceTypeId))
      .where(and(lt(instances.meteredUntil, end), unmetered, dueAfter(after), failed.size > 0 ? notInArray(instances.accountId, [...failed]) : undefined))
      .orderBy(asc(instances.meteredUntil), asc(instances.accountId), asc(instances.id))
      .limit(maxHours);
    if (due.length === 0) return null;
    const prices: Prices = { commissionBps: (await readSettings(tx)).commissionBps, revenueBook: await platformBook(tx, 'platform_revenue') };
    let budget = maxHours;
    let charged = 0;
    const settled = new Set<string>();
    for (const [accountId, list] of groupBy(due, (instance) => instance.accountId)) {
      if (budget <= 0 || (budget < maxHours && performance.now() - started > CHUNK_MS)) break;
      try {
        const result = await mutate(platformActor(accountId, newRequestId()), 'SettleHours', async (accountTx, note) => {
          const account = await settleAccount(accountTx, accountId, list, end, budget, prices);
          note.detail = { until: end.toISOString(), hours: account.charged };
          return account;
        });
        budget -= result.hours;
        charged += result.charged;
        for (const id of result.settled) settled.add(id);
      } catch (error) {
        failed.add(accountId);
        console.error(`[metering] account ${accountId} not settled:`, error);
      }
    }
    // The next chunk reads on after the last instance before the first one left unsettled (an account not reached, an instance cut by the budget).
    const unsettled = due.findIndex((instance) => !settled.has(instance.id));
    const last = unsettled === -1 ? due.at(-1) : due[unsettled - 1];
    return { charged, after: last ? { meteredUntil: last.meteredUntil, accountId: last.accountId, id: last.id } : after };
  });
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

type Prices = { commissionBps: number; revenueBook: string };

/**
 * Settles up to `budget` hours of the account's due instances, oldest hours first; an instance
 * cut off by the budget keeps its mark at the first hour not settled. Says the hours looked at,
 * the hours charged and the instances settled up to `end`.
 */
async function settleAccount(tx: Tx, accountId: string, due: DueInstance[], end: Date, budget: number, prices: Prices): Promise<{ hours: number; charged: number; settled: string[] }> {
  const walletId = await ensureBook(tx, 'wallet', accountId);
  const wallet: Wallet = { id: walletId, balanceFen: await balanceOf(tx, walletId), sellerBooks: new Map() };
  const runs = await runsOf(due);
  const toCharge: HourToCharge[] = [];
  let projectedFen = wallet.balanceFen;
  const marks: { id: string; until: number }[] = [];
  let hours = 0;
  for (const instance of due) {
    if (hours >= budget) break;
    const ended = hoursToSettle(instance.meteredUntil, end);
    const settling = ended.slice(0, budget - hours);
    const intervals = runs.get(instance.id) ?? [];
    const image = instance.licenseId ? await hourlyImageFee(instance.licenseId) : null;
    for (const hour of settling) {
      const charge = meterHour({ hour, intervals, computeFenPerHour: instance.computeFenPerHour, imageFenPerHour: image?.fenPerHour ?? 0 });
      if (!charge) continue;
      toCharge.push({ instanceId: instance.id, charge, image, arrears: projectedFen < charge.totalFen });
      projectedFen -= charge.totalFen;
    }
    hours += settling.length;
    const until = settling.length < ended.length ? settling[settling.length - 1].getTime() + HOUR_MS : end.getTime();
    marks.push({ id: instance.id, until });
  }
  // One statement per mark (most instances end at the same one), not one per instance.
  for (const [until, marked] of groupBy(marks, (m) => m.until)) {
    await preparedStatement(`UPDATE instances SET metered_until = ? WHERE id IN (${placeholders(marked.length)})`).run(new Date(until), ...marked.map((m) => m.id));
  }
  const charged = await recordHours(accountId, toCharge);
  await postTransfers(await paymentsFor(tx, wallet, charged, prices));
  if (wallet.balanceFen < 0) await stopForArrears(tx, accountId);
  return { hours, charged: charged.length, settled: marks.filter((mark) => mark.until === end.getTime()).map((mark) => mark.id) };
}

/** The runs of the account's due instances that may overlap an hour still to bill, in one statement. */
async function runsOf(due: DueInstance[]) {
  const since = new Date(Math.min(...due.map((instance) => instance.meteredUntil.getTime())));
  const rows = await preparedStatement(
    `SELECT instance_id AS "instanceId", started_at AS "from", ended_at AS "to" FROM instance_runs WHERE instance_id IN (${placeholders(due.length)}) AND (ended_at IS NULL OR ended_at > ?)`,
    { times: ['from', 'to'] },
  ).all<{ instanceId: string; from: number; to: number | null }>(...due.map((instance) => instance.id), since);
  const intervals = rows.map((run) => ({ instanceId: run.instanceId, from: new Date(run.from), to: run.to === null ? null : new Date(run.to) }));
  return groupBy(intervals, (run) => run.instanceId);
}

type ImageFee = { fenPerHour: number; productCode: string; sellerAccountId: string };

/** MKT-2: an instance holding an hourly license pays the SKU's price per hour on top of compute. */
async function hourlyImageFee(licenseId: string): Promise<ImageFee | null> {
  const row = await preparedStatement(
    `SELECT s.price_fen AS "fenPerHour", l.product_code AS "productCode", p.seller_account_id AS "sellerAccountId"
       FROM licenses l JOIN orders o ON o.id = l.order_id JOIN skus s ON s.code = o.sku_code JOIN products p ON p.code = l.product_code
      WHERE l.id = ? AND l.pricing_model = 'hourly'`,
  ).get<ImageFee>(licenseId);
  return row ?? null;
}

/**
 * The account's wallet as its settlement goes: the balance moves with each charge before the
 * books are posted, and the seller books it pays into are made once.
 */
type Wallet = { id: string; balanceFen: number; sellerBooks: Map<string, string> };

/** An hour to charge, and whether the wallet, as the settlement goes, could not pay it (MKT-12). */
type HourToCharge = { instanceId: string; charge: HourCharge; image: ImageFee | null; arrears: boolean };

const HOURS_PER_INSERT = 64;

/**
 * Records the hours, many rows per statement, and says which are new: an hour charged before
 * (the primary key) is passed over, and only a new one is paid. (If one was, the later hours'
 * arrears flags counted it as paid: they may say arrears where the wallet did cover them.)
 */
async function recordHours(accountId: string, hours: HourToCharge[]): Promise<HourToCharge[]> {
  const createdAt = clock.now();
  const recorded = new Set<string>();
  for (let i = 0; i < hours.length; i += HOURS_PER_INSERT) {
    const rows = hours.slice(i, i + HOURS_PER_INSERT);
    const inserted = await preparedStatement(
      `INSERT INTO metered_hours (instance_id, hour, account_id, compute_fen, image_fen, product_code, arrears, created_at) VALUES ${valueRows(rows.length, 8)}
       ON CONFLICT DO NOTHING RETURNING instance_id AS "instanceId", hour`,
      { times: ['hour'] },
    ).all<{ instanceId: string; hour: number }>(...rows.flatMap(({ instanceId, charge, image, arrears }) => [instanceId, charge.hour, accountId, charge.computeFen, charge.imageFen, image?.productCode ?? null, arrears, createdAt]));
    for (const row of inserted) recorded.add(`${row.instanceId}@${row.hour}`);
  }
  return hours.filter((h) => recorded.has(`${h.instanceId}@${h.charge.hour.getTime()}`));
}

/** The transfers that pay the charged hours: compute to the platform, an image's fee to its seller less commission. */
async function paymentsFor(tx: Tx, wallet: Wallet, charged: HourToCharge[], prices: Prices): Promise<Transfer[]> {
  const transfers: Transfer[] = [];
  for (const { instanceId, charge, image } of charged) {
    if (charge.totalFen === 0) continue;
    const { platformFen, sellerFen } = splitSale(charge.imageFen, prices.commissionBps);
    const postings = [
      { bookId: wallet.id, amountFen: -charge.totalFen },
      { bookId: prices.revenueBook, amountFen: charge.computeFen + platformFen },
    ];
    if (image && sellerFen > 0) postings.push({ bookId: await sellerBook(tx, wallet, image.sellerAccountId), amountFen: sellerFen });
    transfers.push({ postings, reason: 'metering', reference: `${instanceId}@${charge.hour.toISOString()}` });
    wallet.balanceFen -= charge.totalFen;
  }
  return transfers;
}

async function sellerBook(tx: Tx, wallet: Wallet, sellerAccountId: string): Promise<string> {
  let id = wallet.sellerBooks.get(sellerAccountId);
  if (!id) wallet.sellerBooks.set(sellerAccountId, (id = await ensureBook(tx, 'seller_payable', sellerAccountId)));
  return id;
}

/** MKT-12: the wallet cannot pay, so every running instance of the account stops with reason arrears. */
async function stopForArrears(tx: Tx, accountId: string): Promise<void> {
  const running = await tx
    .select({ id: instances.id, status: instances.status })
    .from(instances)
    .where(and(eq(instances.accountId, accountId), eq(instances.status, 'Running')));
  for (const instance of running) await moveInstance(tx, instance, { to: 'Stopped', reason: 'arrears' });
  if (running.length > 0) await notify(tx, accountId, 'instancesStoppedForArrears', { count: running.length });
}
