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

/** What a ledger entry's reference points at: an hour of an instance (metering), or an id (an order, a payment). */
export type ReferenceTarget = { kind: 'instanceHour'; instanceId: string; hour: Date } | { kind: 'id'; id: string };

/**
 * Reads a stored reference for people. Metering stores `<instanceId>@<hour as ISO 8601 UTC>`
 * (the key settlement matches on, so it stays as written); pages show the hour in China time.
 */
export function referenceTarget(reference: string): ReferenceTarget {
  const at = /^([a-z]+-[a-z0-9]+)@(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(reference);
  const hour = at ? new Date(at[2]) : null;
  return at && hour && !Number.isNaN(hour.getTime()) ? { kind: 'instanceHour', instanceId: at[1], hour } : { kind: 'id', id: reference };
}
