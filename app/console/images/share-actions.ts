'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { declineImageShare, modifyImageSharePermission } from '@/lib/services/sharing';

/** The dialog takes account ids or emails separated by commas, spaces or new lines (SHR-10). */
function targets(text: string): string[] {
  return text.split(/[\s,;，；]+/).filter(Boolean);
}

export async function shareImageAction(imageId: string, text: string) {
  const result = await runAction((actor) => modifyImageSharePermission(actor, { imageId, addAccounts: targets(String(text ?? '')) }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function unshareImageAction(imageId: string, accountId: string) {
  const result = await runAction((actor) => modifyImageSharePermission(actor, { imageId, removeAccounts: [String(accountId)] }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function declineShareAction(imageId: string) {
  const result = await runAction((actor) => declineImageShare(actor, imageId));
  revalidatePath('/console', 'layout');
  return result;
}
