'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { arg, runParsed } from '@/lib/auth/action';
import { setPreferredRegion } from '@/lib/services/accounts';
import { LOCALE_COOKIE, locales, type Locale } from '@/i18n/locales';

export async function setLocaleAction(locale: Locale) {
  if (!locales.includes(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  revalidatePath('/', 'layout');
}

export async function setRegionAction(regionId: string) {
  const result = await runParsed(arg.id, regionId, async (actor, id) => await setPreferredRegion(actor, id));
  revalidatePath('/console', 'layout');
  return result;
}
