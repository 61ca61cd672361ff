'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { replayDelivery } from '@/lib/services/deliveries';

export async function replayDeliveryAction(deliveryId: number) {
  const result = await runAction(async (actor) => {
    const exchange = await replayDelivery(actor, deliveryId);
    return { verdict: exchange?.verdict ?? 'notSent' };
  });
  revalidatePath('/seller/deliveries');
  return result;
}
