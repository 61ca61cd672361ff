// An account's wallet: its balance, and money paid in from outside (the clearing book).
import { getDb } from '../../db/client';
import type { Actor } from '../domain/actor';
import { authorize } from '../domain/permissions';
import { balanceOf, bookId, ensureBook, platformBook, transfer } from './ledger';
import { read } from './transaction';

export function creditWallet(accountId: string, amountFen: number, reason: string): void {
  getDb().transaction(
    (tx) => {
      const wallet = ensureBook(tx, 'wallet', accountId);
      const clearing = platformBook(tx, 'payment_clearing');
      transfer(tx, [
        { bookId: wallet, amountFen },
        { bookId: clearing, amountFen: -amountFen },
      ], reason);
    },
    { behavior: 'immediate' },
  );
}

export function walletBalance(actor: Actor): number {
  authorize(actor, 'wallet.read');
  return read((db) => balanceOf(db, bookId('wallet', actor.accountId)));
}
