// What a launch request must look like (RunInstances, API-4): the shape only; whether the
// region, image and instance type exist is for the service, which knows the database.
import { z } from 'zod';
import { MAX_LAUNCH_AMOUNT } from './launch-limits';
import { isValidResourceName } from './names';
import { parseInput } from './validation';

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'on'])])
  .optional()
  .transform((value) => value === true || value === 'true' || value === 'on');

const launchSchema = z.object({
  regionId: z.string().min(1),
  imageId: z.string().min(1),
  instanceTypeId: z.string().min(1),
  amount: z.coerce.number().int().min(1).max(MAX_LAUNCH_AMOUNT),
  name: z
    .string()
    .trim()
    .optional()
    .transform((name) => (name ? name : undefined))
    .refine((name) => name === undefined || isValidResourceName(name)),
  /** A marketplace SKU to buy with the launch: the hourly one, or the one that buys the shortfall. */
  skuCode: z
    .string()
    .optional()
    .transform((code) => code || undefined),
  /** "Buy the shortfall and launch" in one step (MKT-3, MKT-4). */
  buyShortfall: flag,
  /** API-4: check everything, change nothing, answer DryRunOperation. */
  dryRun: flag,
  /** IMP-8: the same token and parameters launch once. */
  clientToken: z.string().max(64).optional(),
});

export type LaunchRequest = z.infer<typeof launchSchema>;

export function parseLaunchRequest(input: unknown): LaunchRequest {
  return parseInput(launchSchema, input, {
    regionId: 'RegionId.NotFound',
    imageId: 'InvalidImageId.NotFound',
    instanceTypeId: 'InvalidInstanceType.ValueNotSupported',
    amount: 'InvalidParameter.Amount',
    name: 'InvalidInstanceName.Malformed',
    skuCode: 'InvalidSkuCode.NotFound',
    clientToken: 'InvalidParameter',
  });
}
