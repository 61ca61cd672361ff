'use server';

import { redirect } from 'next/navigation';
import { describeError, type ActionState } from '@/lib/auth/action';
import { signIn, signOut, signUp } from '@/lib/auth/sign-in';
import { config } from '@/lib/config';
import { safeNextPath } from '@/lib/domain/next-path';

async function attempt(work: () => Promise<void>, next: FormDataEntryValue | null): Promise<ActionState<null>> {
  try {
    await work();
  } catch (error) {
    return { ok: false, error: await describeError(error) };
  }
  redirect(safeNextPath(next, config.siteUrl));
}

export async function signInAction(_: ActionState<null>, form: FormData) {
  return attempt(() => signIn({ email: form.get('email'), password: form.get('password') }), form.get('next'));
}

export async function signUpAction(_: ActionState<null>, form: FormData) {
  return attempt(() => signUp({ name: form.get('name'), email: form.get('email'), password: form.get('password') }), form.get('next'));
}

export async function signOutAction() {
  await signOut();
  redirect('/sign-in');
}
