// What a launch request must look like (RunInstances, API-4): the shape only; whether the
// region, image and instance type exist is for the service, which knows the database.
import { z } from 'zod';
import { isValidResourceName } from './names';
import { parseInput } from './validation';

export const MAX_LAUNCH_AMOUNT = 100;

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
});

export type LaunchRequest = z.infer<typeof launchSchema>;

export function parseLaunchRequest(input: unknown): LaunchRequest {
  return parseInput(launchSchema, input, {
    regionId: 'RegionId.NotFound',
    imageId: 'InvalidImageId.NotFound',
    instanceTypeId: 'InvalidInstanceType.ValueNotSupported',
    amount: 'InvalidParameter.Amount',
    name: 'InvalidInstanceName.Malformed',
  });
}
