// An account's wallet: its balance, and money paid in from outside (the clearing book).
import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ledgerEntries } from '../../db/schema';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { arrearsRefusal } from '../domain/launch-limits';
import { simulatedPaymentsAllowed } from '../domain/payments';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { balanceOf, bookId, ensureBook, platformBook, transfer } from './ledger';
import { retryFailingGroups } from './scaling-retry';
import { type Tx, infrastructure, mutate, read } from './transaction';
import { parsePaging } from '../domain/paging';

/**
 * Money paid in from outside: the clearing book gives, the wallet receives. A negative amount
 * (an admin's debit) goes the other way.
 */
export async function payIn(tx: Tx, accountId: string, amountFen: number, reason: string, { reference, note }: { reference?: string; note?: string } = {}): Promise<string> {
  const wallet = await ensureBook(tx, 'wallet', accountId);
  await retryFailingGroups(tx, accountId);
  return await transfer(
    tx,
    [
      { bookId: wallet, amountFen },
      { bookId: await platformBook(tx, 'payment_clearing'), amountFen: -amountFen },
    ],
    reason,
    reference,
    note,
  );
}

/** For seeds and tests: credit without an actor. */
export async function creditWallet(accountId: string, amountFen: number, reason: string): Promise<void> {
  await infrastructure(async (tx) => {
    await payIn(tx, accountId, amountFen, reason);
  });
}

/** ¥1 to ¥100,000 per top-up. */
const topUpSchema = z.object({ amountFen: z.coerce.number().int().min(100).max(10_000_000) });

/**
 * A top-up through a simulated payment, in demo and test mode only: the money comes from the
 * platform's clearing book and the console labels it as simulated. In production money comes
 * in through the operator's gateway (gateway-payments.ts) or an admin (wallet-adjustments.ts).
 */
export async function topUpWallet(actor: Actor, input: unknown): Promise<{ transferId: string; balanceFen: number }> {
  return await mutate(actor, 'TopUpWallet', async (tx, note) => {
    authorize(actor, 'wallet.topUp');
    if (!simulatedPaymentsAllowed(config.mode)) throw new CloudError('OperationDenied.SimulatedPayment');
    const { amountFen } = parseInput(topUpSchema, input, { amountFen: 'InvalidParameter.TopUpAmount' });
    const transferId = await payIn(tx, actor.accountId, amountFen, 'topup');
    note.target = transferId;
    note.detail = { amountFen, simulated: true };
    return { transferId, balanceFen: await balanceOf(tx, bookId('wallet', actor.accountId)) };
  });
}

/** The wallet's ledger entries, newest first. */
export async function walletEntries(actor: Actor, paging: { page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'wallet.read');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read(async (db) => {
    const where = eq(ledgerEntries.bookId, bookId('wallet', actor.accountId));
    const total = (await db.select({ n: count() }).from(ledgerEntries).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db.select().from(ledgerEntries).where(where).orderBy(desc(ledgerEntries.id)).limit(pageSize).offset((page - 1) * pageSize);
    return { items, total, page, pageSize };
  });
}

/** MKT-12: a wallet below zero is in arrears; nothing new may run until it is paid. */
export async function assertNotInArrears(tx: Tx, accountId: string): Promise<void> {
  const refusal = arrearsRefusal(await balanceOf(tx, bookId('wallet', accountId)));
  if (refusal) throw refusal;
}

export async function walletBalance(actor: Actor): Promise<number> {
  authorize(actor, 'wallet.read');
  return await read(async (db) => await balanceOf(db, bookId('wallet', actor.accountId)));
}
