'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { parseYuan } from '@/lib/domain/money';
import { topUpWallet } from '@/lib/services/wallet';

/** The form gives yuan with up to two decimals; the service takes integer fen. */
export async function topUpAction(_: ActionState<unknown>, form: FormData) {
  const amountFen = parseYuan(String(form.get('amount') ?? ''));
  const result = await runAction((actor) => topUpWallet(actor, { amountFen: amountFen ?? 'invalid' }));
  revalidatePath('/console', 'layout');
  return result;
}
