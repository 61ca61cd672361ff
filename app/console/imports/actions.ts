'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, runParsed } from '@/lib/auth/action';
import type { ImportInput } from '@/lib/domain/imports';
import { cancelTask, importImage } from '@/lib/services/imports';

// The service checks each value against IMP-1 … IMP-9 with its own codes; here, only their types.
const text = z.string().optional();
const importArgs = z.object({
  regionId: text,
  imageName: text,
  description: text,
  architecture: text,
  osType: text,
  platform: text,
  diskDeviceMappings: z.array(z.object({ format: text, ossBucket: text, ossObject: text, diskImageSize: z.union([z.string(), z.number()]).optional() })).max(16).optional(),
  clientToken: text,
});

export async function importImageAction(input: ImportInput) {
  const result = await runParsed(importArgs, input, async (actor, args) => await importImage(actor, args));
  revalidatePath('/console', 'layout');
  return result;
}

export async function cancelTaskAction(taskId: string) {
  const result = await runParsed(z.object({ taskId: arg.id }), { taskId }, async (actor, args) => await cancelTask(actor, args.taskId));
  revalidatePath('/console', 'layout');
  return result;
}
