// Double-entry rules (product.md §2): every transfer's entries sum to zero, so the balances of
// all books together never change.
import { assertFen, type Fen } from './money';

export type BookKind = 'wallet' | 'seller_payable' | 'platform_revenue' | 'payment_clearing';

export type Posting = { bookId: string; amountFen: Fen };

export function assertBalanced(postings: readonly Posting[]): void {
  if (postings.length < 2) throw new Error('a transfer needs at least two postings');
  const sum = postings.reduce((total, p) => total + assertFen(p.amountFen), 0);
  if (sum !== 0) throw new Error(`unbalanced transfer: postings sum to ${sum} fen`);
}
