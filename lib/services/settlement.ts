// Settlement (SEL-8, REF-6): what a seller sold, per calendar month (UTC+8, the seeds'
// calendar) and per product — orders (purchases and renewals), refund orders, hourly image fees
// — and what of it is the platform's commission and what is payable to the seller. Commission
// and payable are read from the ledger entries each sale actually wrote, so changing the
// commission setting later does not rewrite history; a refund order carries the reverse of its
// original's entries, so the two net to 0.
import { and, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import { ledgerEntries, meteredHours, orders, products } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { authorize } from '../domain/permissions';
import { bookId } from './ledger';
import { readSettings } from './settings';
import { read } from './transaction';
import { chinaMonth, chinaMonthStart } from '../domain/calendar';
import { settlementCsv as csvOf, type settlementCsvColumns } from '../domain/settlement-csv';

export const SETTLEMENT_MONTHS = 12;

export type SettlementFigures = {
  /** Purchase and renewal orders. */
  orders: number;
  ordersFen: number;
  /** Refund orders (REF-6); their amounts are negative. */
  refunds: number;
  refundsFen: number;
  /** Instance-hours of hourly images and their fees (MKT-10). */
  hours: number;
  hourlyFen: number;
  /** ordersFen + refundsFen + hourlyFen = commissionFen + payableFen */
  netFen: number;
  commissionFen: number;
  payableFen: number;
};

export type SettlementLine = SettlementFigures & { month: string; productCode: string; title: string };
export type MonthTotal = SettlementFigures & { month: string };

export type Settlement = {
  /** The months covered, oldest first ("YYYY-MM"). */
  months: string[];
  /** One line per month and product with anything in it; newest month first. */
  lines: SettlementLine[];
  /** Every month of the period, oldest first, for the chart (months without sales are 0). */
  byMonth: MonthTotal[];
  totals: SettlementFigures;
  /** The commission setting today; the figures use the rate of each sale. */
  commissionBps: number;
};

/** "YYYY-MM" moved by whole months. */
export function shiftMonth(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + months, 1)).toISOString().slice(0, 7);
}

function zero(): SettlementFigures {
  return { orders: 0, ordersFen: 0, refunds: 0, refundsFen: 0, hours: 0, hourlyFen: 0, netFen: 0, commissionFen: 0, payableFen: 0 };
}

const FIGURES = Object.keys(zero()) as (keyof SettlementFigures)[];

function add(into: SettlementFigures, from: SettlementFigures): void {
  for (const key of FIGURES) into[key] += from[key];
}

/**
 * SEL-8: the calling seller's settlement for the SETTLEMENT_MONTHS months ending with `until`
 * ("YYYY-MM"; the current month when absent or malformed).
 */
export async function settlement(actor: Actor, { until }: { until?: string } = {}): Promise<Settlement> {
  authorize(actor, 'settlement.read');
  const last = until && /^\d{4}-(0[1-9]|1[0-2])$/.test(until) ? until : chinaMonth(clock.now());
  const months = Array.from({ length: SETTLEMENT_MONTHS }, (_, i) => shiftMonth(last, i - SETTLEMENT_MONTHS + 1));
  const from = chinaMonthStart(months[0]);
  const to = chinaMonthStart(last, 1);
  const payableBook = bookId('seller_payable', actor.accountId);

  return await read(async (db) => {
    const sold = await db
      .select({ id: orders.id, kind: orders.kind, amountFen: orders.amountFen, createdAt: orders.createdAt, productCode: products.code, title: products.title })
      .from(orders)
      .innerJoin(products, eq(products.code, orders.productCode))
      .where(and(eq(products.sellerAccountId, actor.accountId), gte(orders.createdAt, from), lt(orders.createdAt, to)));
    const metered = await db
      .select({ instanceId: meteredHours.instanceId, hour: meteredHours.hour, imageFen: meteredHours.imageFen, productCode: products.code, title: products.title })
      .from(meteredHours)
      .innerJoin(products, eq(products.code, meteredHours.productCode))
      .where(and(eq(products.sellerAccountId, actor.accountId), gt(meteredHours.imageFen, 0), gte(meteredHours.hour, from), lt(meteredHours.hour, to)));
    // A sale's entries are written after its order (or its hour) in the same transaction, so none is older than `from`.
    const payable = new Map<string, number>();
    const entries = await db
      .select({ reference: ledgerEntries.reference, amountFen: ledgerEntries.amountFen })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.bookId, payableBook), inArray(ledgerEntries.reason, ['purchase', 'refund', 'metering']), gte(ledgerEntries.createdAt, from)));
    for (const e of entries) if (e.reference) payable.set(e.reference, (payable.get(e.reference) ?? 0) + e.amountFen);

    const lines = new Map<string, SettlementLine>();
    const lineOf = (at: Date, productCode: string, title: string) => {
      const month = chinaMonth(at);
      const key = `${month} ${productCode}`;
      let line = lines.get(key);
      if (!line) lines.set(key, (line = { month, productCode, title, ...zero() }));
      return line;
    };
    const book = (line: SettlementLine, grossFen: number, payableFen: number) => {
      line.netFen += grossFen;
      line.payableFen += payableFen;
      line.commissionFen += grossFen - payableFen;
    };
    for (const o of sold) {
      const line = lineOf(o.createdAt, o.productCode, o.title);
      if (o.kind === 'refund') {
        line.refunds += 1;
        line.refundsFen += o.amountFen;
      } else {
        line.orders += 1;
        line.ordersFen += o.amountFen;
      }
      book(line, o.amountFen, payable.get(o.id) ?? 0);
    }
    for (const h of metered) {
      const line = lineOf(h.hour, h.productCode, h.title);
      line.hours += 1;
      line.hourlyFen += h.imageFen;
      book(line, h.imageFen, payable.get(`${h.instanceId}@${h.hour.toISOString()}`) ?? 0);
    }

    const sorted = [...lines.values()].sort((a, b) => b.month.localeCompare(a.month) || a.title.localeCompare(b.title) || a.productCode.localeCompare(b.productCode));
    const byMonth = months.map((month) => ({ month, ...zero() }));
    const totals = zero();
    for (const line of sorted) {
      add(byMonth[months.indexOf(line.month)], line);
      add(totals, line);
    }
    return { months, lines: sorted, byMonth, totals, commissionBps: (await readSettings(db)).commissionBps };
  });
}

/** SEL-8: the calling seller's settlement as a CSV file: the figures of `settlement`, the page's own. */
export async function settlementCsv(actor: Actor, period: { until?: string }, headings: Record<(typeof settlementCsvColumns)[number] | 'total', string>): Promise<{ months: string[]; csv: string }> {
  const result = await settlement(actor, period);
  return { months: result.months, csv: csvOf(result, headings) };
}
