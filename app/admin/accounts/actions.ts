'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, parseArgs, runAction, type ActionState } from '@/lib/auth/action';
import { parseYuan } from '@/lib/domain/money';
import { parseInput } from '@/lib/domain/validation';
import { adjustWallet } from '@/lib/services/wallet-adjustments';

/** The form gives a direction and yuan; a bad amount becomes NaN, which the service refuses with its limits. */
const adjustForm = z.object({
  direction: z.enum(['credit', 'debit']),
  amount: z
    .string()
    .nullable()
    .transform((text) => parseYuan(text ?? '') ?? Number.NaN),
  reason: z
    .string()
    .nullable()
    .transform((text) => text ?? ''),
});

/** Issue 12: an admin credits or debits the account's wallet, with a reason its owner reads. */
export async function adjustWalletAction(accountId: string, _state: ActionState<unknown>, form: FormData) {
  const result = await runAction(async (actor) => {
    const [id, f] = parseArgs(z.tuple([arg.id, arg.form]), [accountId, form]);
    const { direction, amount, reason } = parseInput(adjustForm, { direction: f.get('direction'), amount: f.get('amount'), reason: f.get('reason') }, {});
    return await adjustWallet(actor, { accountId: id, amountFen: direction === 'debit' ? -amount : amount, reason });
  });
  if (result?.ok) revalidatePath('/admin/accounts');
  return result;
}
