'use server';

import { revalidatePath } from 'next/cache';
import { arg, runParsed, type ActionState } from '@/lib/auth/action';
import { parseYuan } from '@/lib/domain/money';
import { topUpWallet } from '@/lib/services/wallet';

/** The form gives yuan with up to two decimals; the service takes integer fen and refuses anything else. */
export async function topUpAction(_: ActionState<unknown>, form: FormData) {
  const result = await runParsed(arg.form, form, async (actor, f) => await topUpWallet(actor, { amountFen: parseYuan(String(f.get('amount') ?? '')) ?? 'invalid' }));
  revalidatePath('/console', 'layout');
  return result;
}
