// The ledger: books and balanced transfers between them, always inside the caller's transaction.
import { and, eq, gte, sql } from 'drizzle-orm';
import { ledgerBooks, ledgerEntries } from '../../db/schema';
import { clock } from '../clock';
import { assertBalanced, type BookKind, type Posting } from '../domain/ledger';
import type { Tx } from './transaction';
import type { Db } from '../../db/client';
import { preparedQuery, preparedStatement, valueRows, type Bound } from '../../db/prepared';
import { changedRows } from '../../db/portable';
import { CloudError } from '../domain/errors';

export function bookId(kind: BookKind, accountId: string | null): string {
  return accountId ? `${kind}:${accountId}` : kind;
}

/** Creates the book if it is not there yet and returns its id. */
export async function ensureBook(tx: Tx | Db, kind: BookKind, accountId: string | null): Promise<string> {
  const id = bookId(kind, accountId);
  await tx.insert(ledgerBooks).values({ id, kind, accountId, createdAt: clock.now() }).onConflictDoNothing();
  return id;
}

/**
 * A book whose debit in a transfer its balance must cover, and the refusal to throw when it does
 * not (given the balance then; null if it covers by then, which a retry will find).
 */
export type Covered = { bookId: string; refusal: (balanceFen: number) => CloudError | null };

/**
 * `note` is a person's reason for moving money by hand (an admin's adjustment), shown in the ledger.
 * With `covered`, that book's update takes the money only while its balance covers it: a debit on
 * another connection since the caller read the balance (PostgreSQL's READ COMMITTED lets one in)
 * makes the transfer refused instead of overdrawing the book.
 */
export async function transfer(tx: Tx, postings: readonly Posting[], reason: string, reference?: string, note?: string, covered?: Covered): Promise<string> {
  assertBalanced(postings);
  const transferId = globalThis.crypto.randomUUID();
  const createdAt = clock.now();
  for (const p of postings) {
    const guard = p.bookId === covered?.bookId && p.amountFen < 0 ? gte(ledgerBooks.balanceFen, -p.amountFen) : undefined;
    const moved = await tx
      .update(ledgerBooks)
      .set({ balanceFen: sql`${ledgerBooks.balanceFen} + ${p.amountFen}` })
      .where(and(eq(ledgerBooks.id, p.bookId), guard));
    if (guard && changedRows(moved) === 0) throw covered!.refusal(await balanceOf(tx, p.bookId)) ?? new CloudError('ServiceUnavailable');
    await tx.insert(ledgerEntries).values({ transferId, bookId: p.bookId, amountFen: p.amountFen, reason, reference, note, createdAt });
  }
  return transferId;
}

export type Transfer = { postings: readonly Posting[]; reason: string; reference: string };

/**
 * Many balanced transfers at once (the hourly sweep): each keeps its own entries and transfer
 * id, and each book's balance is moved once by their sum.
 */
export async function postTransfers(transfers: readonly Transfer[]): Promise<void> {
  const createdAt = clock.now();
  const entries: Bound[][] = [];
  const sums = new Map<string, number>();
  for (const { postings, reason, reference } of transfers) {
    assertBalanced(postings);
    const transferId = globalThis.crypto.randomUUID();
    for (const p of postings) {
      entries.push([transferId, p.bookId, p.amountFen, reason, reference, createdAt]);
      sums.set(p.bookId, (sums.get(p.bookId) ?? 0) + p.amountFen);
    }
  }
  // Many rows per statement: one statement per row was half of the sweep's database time (and on PostgreSQL a round trip each).
  for (let i = 0; i < entries.length; i += ENTRIES_PER_INSERT) {
    const rows = entries.slice(i, i + ENTRIES_PER_INSERT);
    await insertEntries(rows.length).run(...rows.flat());
  }
  const move = preparedStatement('UPDATE ledger_books SET balance_fen = balance_fen + ? WHERE id = ?');
  for (const [bookId, amountFen] of sums) await move.run(amountFen, bookId);
}

const ENTRIES_PER_INSERT = 64;
const insertEntries = (rows: number) =>
  preparedStatement(`INSERT INTO ledger_entries (transfer_id, book_id, amount_fen, reason, reference, created_at) VALUES ${valueRows(rows, 6)}`);

const bookBalance = preparedQuery((db) => db.select({ balance: ledgerBooks.balanceFen }).from(ledgerBooks).where(eq(ledgerBooks.id, sql.placeholder('id'))).prepare());

/** Runs on the process connection, inside the caller's transaction (db/prepared.ts). */
export async function balanceOf(_db: Tx | Db, id: string): Promise<number> {
  return (await bookBalance().execute({ id })).at(0)?.balance ?? 0;
}

/** The platform's own books exist once, with no account. */
export async function platformBook(tx: Tx | Db, kind: Extract<BookKind, 'platform_revenue' | 'payment_clearing'>): Promise<string> {
  return await ensureBook(tx, kind, null);
}
