'use server';

import { redirect } from 'next/navigation';
import { arg, describeError, parseArgs, type ActionState } from '@/lib/auth/action';
import { signIn, signOut, signUp } from '@/lib/auth/sign-in';
import { config } from '@/lib/config';
import { safeNextPath } from '@/lib/domain/next-path';

/** Anyone may call these: the form is checked to be one before anything reads it (issue 12). */
async function attempt(input: unknown, work: (form: FormData) => Promise<void>): Promise<ActionState<null>> {
  let next: FormDataEntryValue | null;
  try {
    const form = parseArgs(arg.form, input);
    next = form.get('next');
    await work(form);
  } catch (error) {
    return { ok: false, error: await describeError(error) };
  }
  redirect(safeNextPath(next, config.siteUrl));
}

export async function signInAction(_: ActionState<null>, input: FormData) {
  return attempt(input, (form) => signIn({ email: form.get('email'), password: form.get('password') }));
}

export async function signUpAction(_: ActionState<null>, input: FormData) {
  return attempt(input, (form) => signUp({ name: form.get('name'), email: form.get('email'), password: form.get('password') }));
}

export async function signOutAction() {
  await signOut();
  redirect('/sign-in');
}
