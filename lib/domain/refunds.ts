// Refund eligibility (REF-1 … REF-4, REF-7): the facts an admin sees and the rule that decides,
// checked when the buyer asks and again, atomically, at approval.

const DAY_MS = 86_400_000;

/** REF-5: the reason the admin reads. REF-7: the invoice's heading and the buyer's tax id (15–20 letters or digits). */
export const REFUND_REASON_MAX = 500;
export const INVOICE_TITLE_MAX = 100;
export const TAX_ID_MIN = 15;
export const TAX_ID_MAX = 20;

export type RefundFacts = {
  paidAt: Date;
  now: Date;
  /** REF-2: any license of the order was ever deployed on an instance. */
  deployed: boolean;
  /** REF-4: a renewal that has not started yet (its term begins in the future). */
  unstartedRenewal: boolean;
  /** REF-3: refunds the account made this calendar year, renewals not yet started excluded. */
  refundsThisYear: number;
  /** REF-7 */
  invoiceIssued: boolean;
  windowDays: number;
  refundsPerYear: number;
};

export type RefundReason = 'windowClosed' | 'deployed' | 'yearlyLimit' | 'invoiceIssued';

export type RefundDecision = {
  eligible: boolean;
  reasons: RefundReason[];
  windowEndsAt: Date;
  refundsLeft: number;
  countsTowardLimit: boolean;
  /** REF-4: a renewal not yet in effect: no window applies and it does not count toward REF-3. */
  unstartedRenewal: boolean;
};


export function decideRefund(f: RefundFacts): RefundDecision {
  const windowEndsAt = new Date(f.paidAt.getTime() + f.windowDays * DAY_MS);
  const countsTowardLimit = !f.unstartedRenewal;
  const reasons: RefundReason[] = [];
  // REF-4: a renewal not yet in effect is refundable whatever its age; the window is REF-1's.
  if (!f.unstartedRenewal && f.now.getTime() >= windowEndsAt.getTime()) reasons.push('windowClosed');
  if (f.deployed) reasons.push('deployed');
  if (countsTowardLimit && f.refundsThisYear >= f.refundsPerYear) reasons.push('yearlyLimit');
  if (f.invoiceIssued) reasons.push('invoiceIssued');
  return { eligible: reasons.length === 0, reasons, windowEndsAt, refundsLeft: Math.max(0, f.refundsPerYear - f.refundsThisYear), countsTowardLimit, unstartedRenewal: f.unstartedRenewal };
}
