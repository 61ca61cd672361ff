'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/auth/action';
import { topUpWallet } from '@/lib/services/wallet';

/** The form gives yuan with up to two decimals; the service takes integer fen. */
export async function topUpAction(_: ActionState<unknown>, form: FormData) {
  const yuan = String(form.get('amount') ?? '').trim();
  const amountFen = /^\d{1,6}(\.\d{1,2})?$/.test(yuan) ? Math.round(Number(yuan) * 100) : Number.NaN;
  const result = await runAction((actor) => topUpWallet(actor, { amountFen: Number.isNaN(amountFen) ? 'invalid' : amountFen }));
  revalidatePath('/console', 'layout');
  return result;
}
