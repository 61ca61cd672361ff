'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { arg, describeError, runParsed } from '@/lib/auth/action';
import { CloudError } from '@/lib/domain/errors';
import { APPLICATION_FIELDS, SellerConditionsNotMet, type ApplicationField, type OnboardingFailure } from '@/lib/domain/seller-onboarding';
import { applyAsSeller } from '@/lib/services/seller-applications';
import type { ApplyState } from '@/components/seller/application-form';

/** SEL-1: every failed condition comes back, each in words next to its field. */
export async function applyAction(_state: ApplyState, form: FormData): Promise<ApplyState> {
  let failures: OnboardingFailure[] = [];
  const result = await runParsed(z.object({ form: arg.form }), { form }, async (actor, args) => {
    const input = Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, args.form.get(field) ?? undefined]));
    try {
      await applyAsSeller(actor, input);
    } catch (error) {
      if (error instanceof SellerConditionsNotMet) failures = error.failures;
      throw error;
    }
  });
  if (result?.ok) {
    revalidatePath('/seller', 'layout');
    return { ok: true };
  }
  const fieldErrors: Partial<Record<ApplicationField, string>> = {};
  for (const f of failures) fieldErrors[f.field] = (await describeError(new CloudError(f.code, f.params, f.field))).message;
  return { ok: false, error: result!.error, fieldErrors };
}
