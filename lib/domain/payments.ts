// Money coming into a wallet (issue 12): the simulated top-up only where no real money is
// expected, an operator's credit or debit by hand (CloudStack's quotaCredit), and what a
// payment gateway's notification carries.
import { z } from 'zod';
import { MAX_ADJUSTMENT_REASON_LENGTH } from './form-limits';
import { isAccountId } from './ids';
import type { Mode } from './settings';

/** Production takes money only from the operator's gateway or an admin, never for free. */
export function simulatedPaymentsAllowed(mode: Mode): boolean {
  return mode !== 'production';
}

/** One adjustment moves at most ¥1,000,000 either way. */
export const MAX_ADJUSTMENT_FEN = 100_000_000;
/** The account's owner reads the reason in the ledger as written: required, refused when too long, never cut. */

const accountId = z.string().refine(isAccountId);

export const adjustmentSchema = z.object({
  accountId,
  amountFen: z
    .number()
    .int()
    .refine((fen) => fen !== 0 && Math.abs(fen) <= MAX_ADJUSTMENT_FEN),
  reason: z.string().trim().min(1).max(MAX_ADJUSTMENT_REASON_LENGTH),
});

/** One gateway payment credits at most ¥1,000,000. */
export const MAX_GATEWAY_PAYMENT_FEN = 100_000_000;
export const MAX_PAYMENT_ID_LENGTH = 64;
/** A notification body is small; anything longer is refused before it is parsed. */
export const MAX_NOTIFICATION_BYTES = 16 * 1024;

export const gatewayPaymentSchema = z.object({
  paymentId: z.string().regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,${MAX_PAYMENT_ID_LENGTH - 1}}$`)),
  accountId,
  amountFen: z.number().int().min(1).max(MAX_GATEWAY_PAYMENT_FEN),
  paidAt: z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
});
export type GatewayPayment = z.infer<typeof gatewayPaymentSchema>;
