// Hourly metering (MKT-10) and arrears (MKT-12). Each ended hour of each instance is settled
// once: compute goes to the platform, an hourly image's fee to its seller less commission.
// The metered_hours primary key makes a second settlement of the same hour a no-op, so a run
// repeated or cut short by a restart neither doubles nor skips an hour.
import { and, eq, gt, isNull, lt, min, or } from 'drizzle-orm';
import { instanceRuns, instances, instanceTypes, licenses, meteredHours, orders, products, skus } from '../../db/schema';
import { clock } from '../clock';
import { platformActor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { hoursToSettle, hourStart, meterHour, type HourCharge } from '../domain/metering';
import { splitSale } from '../domain/pricing';
import type { Posting } from '../domain/ledger';
import { moveInstance } from './instance-status';
import { balanceOf, ensureBook, platformBook, transfer } from './ledger';
import { notify } from './notifications';
import { readSettings } from './settings';
import { mutate, read, type Tx } from './transaction';

/**
 * Settles every ended hour up to `now`, account by account, the longest-waiting first; returns
 * the hours charged. `maxAccounts` bounds one run, so a server catching up after downtime keeps
 * answering requests between runs; the rest is settled by the next run.
 */
export function settleHours(now = clock.now(), { maxAccounts = Infinity }: { maxAccounts?: number } = {}): number {
  const end = hourStart(now);
  const accounts = read((db) =>
    db
      .select({ accountId: instances.accountId })
      .from(instances)
      .where(and(lt(instances.meteredUntil, end), or(isNull(instances.releasedAt), gt(instances.releasedAt, instances.meteredUntil))))
      .groupBy(instances.accountId)
      .orderBy(min(instances.meteredUntil))
      .limit(Number.isFinite(maxAccounts) ? maxAccounts : -1)
      .all(),
  );
  let charged = 0;
  for (const { accountId } of accounts) {
    try {
      charged += mutate(platformActor(accountId, newRequestId()), 'SettleHours', (tx, note) => {
        const hours = settleAccount(tx, accountId, end);
        note.detail = { until: end.toISOString(), hours };
        return hours;
      });
    } catch (error) {
      // One account's failure (rolled back, audited) must not keep the others from being billed.
      console.error(`[metering] account ${accountId} not settled:`, error);
    }
  }
  return charged;
}

function settleAccount(tx: Tx, accountId: string, end: Date): number {
  const due = tx
    .select({ instance: instances, computeFenPerHour: instanceTypes.hourlyPriceFen })
    .from(instances)
    .innerJoin(instanceTypes, eq(instanceTypes.id, instances.instanceTypeId))
    .where(and(eq(instances.accountId, accountId), lt(instances.meteredUntil, end), or(isNull(instances.releasedAt), gt(instances.releasedAt, instances.meteredUntil))))
    .all();
  const wallet = ensureBook(tx, 'wallet', accountId);
  let charged = 0;
  for (const { instance, computeFenPerHour } of due) {
    const intervals = tx
      .select()
      .from(instanceRuns)
      .where(and(eq(instanceRuns.instanceId, instance.id), or(isNull(instanceRuns.endedAt), gt(instanceRuns.endedAt, instance.meteredUntil))))
      .all()
      .map((run) => ({ from: run.startedAt, to: run.endedAt }));
    const image = hourlyImageFee(tx, instance.licenseId);
    for (const hour of hoursToSettle(instance.meteredUntil, end)) {
      const charge = meterHour({ hour, intervals, computeFenPerHour, imageFenPerHour: image?.fenPerHour ?? 0 });
      if (charge && chargeHour(tx, { instanceId: instance.id, accountId, wallet, charge, image })) charged++;
    }
    tx.update(instances).set({ meteredUntil: end }).where(eq(instances.id, instance.id)).run();
  }
  if (balanceOf(tx, wallet) < 0) stopForArrears(tx, accountId);
  return charged;
}

type ImageFee = { fenPerHour: number; productCode: string; sellerAccountId: string };

/** MKT-2: an instance holding an hourly license pays the SKU's price per hour on top of compute. */
function hourlyImageFee(tx: Tx, licenseId: string | null): ImageFee | null {
  if (!licenseId) return null;
  const row = tx
    .select({ fenPerHour: skus.priceFen, productCode: licenses.productCode, sellerAccountId: products.sellerAccountId })
    .from(licenses)
    .innerJoin(orders, eq(orders.id, licenses.orderId))
    .innerJoin(skus, eq(skus.code, orders.skuCode))
    .innerJoin(products, eq(products.code, licenses.productCode))
    .where(and(eq(licenses.id, licenseId), eq(licenses.pricingModel, 'hourly')))
    .get();
  return row ?? null;
}

/** Charges one instance-hour unless it was charged before; says whether it charged now. */
function chargeHour(tx: Tx, input: { instanceId: string; accountId: string; wallet: string; charge: HourCharge; image: ImageFee | null }): boolean {
  const { charge, image } = input;
  const arrears = balanceOf(tx, input.wallet) < charge.totalFen;
  const inserted = tx
    .insert(meteredHours)
    .values({ instanceId: input.instanceId, hour: charge.hour, accountId: input.accountId, computeFen: charge.computeFen, imageFen: charge.imageFen, productCode: image?.productCode ?? null, arrears, createdAt: clock.now() })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0 || charge.totalFen === 0) return inserted.changes > 0;
  const { platformFen, sellerFen } = splitSale(charge.imageFen, readSettings(tx).commissionBps);
  const postings: Posting[] = [
    { bookId: input.wallet, amountFen: -charge.totalFen },
    { bookId: platformBook(tx, 'platform_revenue'), amountFen: charge.computeFen + platformFen },
  ];
  if (image && sellerFen > 0) postings.push({ bookId: ensureBook(tx, 'seller_payable', image.sellerAccountId), amountFen: sellerFen });
  transfer(tx, postings, 'metering', `${input.instanceId}@${charge.hour.toISOString()}`);
  return true;
}

/** MKT-12: the wallet cannot pay, so every running instance of the account stops with reason arrears. */
function stopForArrears(tx: Tx, accountId: string): void {
  const running = tx
    .select({ id: instances.id, status: instances.status })
    .from(instances)
    .where(and(eq(instances.accountId, accountId), eq(instances.status, 'Running')))
    .all();
  for (const instance of running) moveInstance(tx, instance, { to: 'Stopped', reason: 'arrears' });
  if (running.length > 0) notify(tx, accountId, 'instancesStoppedForArrears', { count: running.length });
}
