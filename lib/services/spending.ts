// What a buyer spent, for the billing page's charts: by day (UTC+8, the seeds' calendar) and by
// product, over the last 30 days. Spending is what left the wallet less what came back (refunds).
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { ledgerEntries, meteredHours, orders, products } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { chinaDate, chinaDayStart } from '../domain/calendar';
import { authorize } from '../domain/permissions';
import { bookId } from './ledger';
import { read } from './transaction';

const DAY_MS = 86_400_000;
const SPENDING_DAYS = 30;

export type DaySpend = { day: string; fen: number };
export type ProductSpend = { productCode: string | null; title: string | null; fen: number };

export async function spending(actor: Actor): Promise<{ byDay: DaySpend[]; byProduct: ProductSpend[]; totalFen: number }> {
  authorize(actor, 'wallet.read');
  // Midnight (UTC+8) SPENDING_DAYS - 1 days ago: the window is whole days, today included.
  const since = chinaDayStart(clock.now(), -(SPENDING_DAYS - 1));
  return await read(async (db) => {
    const entries = await db
      .select({ amountFen: ledgerEntries.amountFen, createdAt: ledgerEntries.createdAt })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.bookId, bookId('wallet', actor.accountId)), inArray(ledgerEntries.reason, ['purchase', 'metering', 'refund']), gte(ledgerEntries.createdAt, since)));
    const days = new Map<string, number>();
    for (let i = 0; i < SPENDING_DAYS; i++) days.set(chinaDate(new Date(since.getTime() + i * DAY_MS)), 0);
    for (const e of entries) {
      const day = chinaDate(e.createdAt);
      days.set(day, (days.get(day) ?? 0) - e.amountFen);
    }

    const bought = await db
      .select({ productCode: orders.productCode, title: products.title, fen: sql<number>`sum(${orders.amountFen})`.mapWith(Number) })
      .from(orders)
      .innerJoin(products, eq(products.code, orders.productCode))
      .where(and(eq(orders.accountId, actor.accountId), gte(orders.createdAt, since)))
      .groupBy(orders.productCode, products.title);
    const metered = await db
      .select({ productCode: meteredHours.productCode, compute: sql<number>`sum(${meteredHours.computeFen})`.mapWith(Number), image: sql<number>`sum(${meteredHours.imageFen})`.mapWith(Number) })
      .from(meteredHours)
      .where(and(eq(meteredHours.accountId, actor.accountId), gte(meteredHours.hour, since)))
      .groupBy(meteredHours.productCode);
    const byProduct = new Map<string | null, ProductSpend>(bought.map((b) => [b.productCode, { ...b }]));
    let computeFen = 0;
    for (const m of metered) {
      computeFen += m.compute;
      if (!m.productCode || m.image === 0) continue;
      const row = byProduct.get(m.productCode) ?? { productCode: m.productCode, title: await titleOf(db, m.productCode), fen: 0 };
      row.fen += m.image;
      byProduct.set(m.productCode, row);
    }
    // Compute (instance hours) is one line of its own: productCode null.
    if (computeFen > 0) byProduct.set(null, { productCode: null, title: null, fen: computeFen });
    const byDay = [...days.entries()].map(([day, fen]) => ({ day, fen }));
    return {
      byDay,
      byProduct: [...byProduct.values()].filter((p) => p.fen !== 0).sort((a, b) => b.fen - a.fen),
      totalFen: byDay.reduce((sum, d) => sum + d.fen, 0),
    };
  });
}

async function titleOf(db: Parameters<Parameters<typeof read>[0]>[0], code: string): Promise<string | null> {
  return (await db.select({ title: products.title }).from(products).where(eq(products.code, code)).limit(1)).at(0)?.title ?? null;
}
