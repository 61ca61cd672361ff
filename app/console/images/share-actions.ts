'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import { declineImageShare, modifyImageSharePermission } from '@/lib/services/sharing';

/** The dialog takes account ids or emails separated by commas, spaces or new lines (SHR-10). */
function targets(text: string): string[] {
  return text.split(/[\s,;，；]+/).filter(Boolean);
}

const shareArgs = z.tuple([arg.id, z.string().max(100_000)]);

export async function shareImageAction(imageId: string, text: string) {
  const result = await runParsed(shareArgs, [imageId, text], async (actor, [id, list]) => await modifyImageSharePermission(actor, { imageId: id, addAccounts: targets(list) }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function unshareImageAction(imageId: string, accountId: string) {
  const result = await runParsed(z.tuple([arg.id, arg.id]), [imageId, accountId], async (actor, [id, account]) => await modifyImageSharePermission(actor, { imageId: id, removeAccounts: [account] }));
  revalidatePath('/console', 'layout');
  return result;
}

export async function declineShareAction(imageId: string) {
  const result = await runParsed(arg.id, imageId, async (actor, id) => await declineImageShare(actor, id));
  revalidatePath('/console', 'layout');
  return result;
}
