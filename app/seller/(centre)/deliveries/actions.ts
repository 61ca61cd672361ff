'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import { replayDelivery } from '@/lib/services/deliveries';

export async function replayDeliveryAction(deliveryId: number) {
  const result = await runParsed(z.object({ deliveryId: arg.rowId }), { deliveryId }, async (actor, args) => {
    const exchange = await replayDelivery(actor, args.deliveryId);
    return { verdict: exchange?.verdict ?? 'notSent' };
  });
  revalidatePath('/seller/deliveries');
  return result;
}
