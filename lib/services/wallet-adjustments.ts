// Issue 12: an operator credits or debits an account's wallet by hand, with a reason the owner
// reads in the ledger (CloudStack's quotaCredit). The money moves between the wallet and the
// platform's clearing book, like a payment, so the ledger stays balanced.
import { desc, eq } from 'drizzle-orm';
import { accounts, ledgerEntries, users } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { isAccountId } from '../domain/ids';
import { formatFen } from '../domain/money';
import { MAX_ADJUSTMENT_REASON_LENGTH } from '../domain/form-limits';
import { adjustmentSchema, MAX_ADJUSTMENT_FEN } from '../domain/payments';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { balanceOf, bookId } from './ledger';
import { mutate, read } from './transaction';
import { payIn } from './wallet';

export async function adjustWallet(actor: Actor, input: unknown): Promise<{ transferId: string; balanceFen: number }> {
  return await mutate(actor, 'AdjustWallet', async (tx, audit) => {
    authorize(actor, 'wallet.adjust');
    const { accountId, amountFen, reason } = parseAdjustment(input);
    audit.target = accountId;
    audit.detail = { amountFen, reason };
    if (!(await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).limit(1)).at(0)) throw new CloudError('InvalidAccount.NotFound', { account: accountId }, 'accountId');
    // A debit takes back money credited by mistake; it never pushes a wallet into arrears (MKT-12).
    const before = await balanceOf(tx, bookId('wallet', accountId));
    if (amountFen < 0 && before + amountFen < 0) throw new CloudError('InvalidAdjustment.ExceedsBalance', { balance: formatFen(before), amount: formatFen(-amountFen) }, 'amountFen');
    const transferId = await payIn(tx, accountId, amountFen, 'adjustment', { note: reason });
    const balanceFen = before + amountFen;
    audit.detail = { ...audit.detail, transferId, balanceFen };
    return { transferId, balanceFen };
  });
}

function parseAdjustment(input: unknown) {
  const codes = { amountFen: 'InvalidParameter.AdjustmentAmount', reason: 'InvalidParameter.AdjustmentReason', accountId: 'InvalidAccount.NotFound' } as const;
  try {
    return parseInput(adjustmentSchema, input, codes);
  } catch (error) {
    // The messages name the limits.
    if (error instanceof CloudError && error.field === 'amountFen') throw new CloudError(error.code, { ...error.params, max: formatFen(MAX_ADJUSTMENT_FEN) }, error.field);
    if (error instanceof CloudError && error.field === 'reason') throw new CloudError('InvalidParameter.AdjustmentReason', { max: MAX_ADJUSTMENT_REASON_LENGTH }, 'reason');
    throw error;
  }
}

/** For the admin's accounts page: one account by its id or a user's email, its balance and latest entries. */
export async function findAccount(actor: Actor, query: string, { entries = 20 }: { entries?: number } = {}) {
  authorize(actor, 'wallet.adjust');
  const q = query.trim().toLowerCase().slice(0, 254);
  return await read(async (db) => {
    const accountId = isAccountId(q) ? q : (await db.select({ accountId: users.accountId }).from(users).where(eq(users.email, q)).limit(1)).at(0)?.accountId;
    const account = accountId ? (await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1)).at(0) : undefined;
    if (!account) return null;
    return {
      account,
      emails: (await db.select({ email: users.email }).from(users).where(eq(users.accountId, account.id))).map((u) => u.email),
      balanceFen: await balanceOf(db, bookId('wallet', account.id)),
      entries: await db.select().from(ledgerEntries).where(eq(ledgerEntries.bookId, bookId('wallet', account.id))).orderBy(desc(ledgerEntries.id)).limit(entries),
    };
  });
}
