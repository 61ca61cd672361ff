'use server';

import { redirect } from 'next/navigation';
import { describeError, type ActionState } from '@/lib/auth/action';
import { signIn, signOut, signUp } from '@/lib/auth/sign-in';

async function attempt(work: () => Promise<void>): Promise<ActionState<null>> {
  try {
    await work();
  } catch (error) {
    return { ok: false, error: await describeError(error) };
  }
  redirect('/console/instances');
}

export async function signInAction(_: ActionState<null>, form: FormData) {
  return attempt(() => signIn({ email: form.get('email'), password: form.get('password') }));
}

export async function signUpAction(_: ActionState<null>, form: FormData) {
  return attempt(() => signUp({ name: form.get('name'), email: form.get('email'), password: form.get('password') }));
}

export async function signOutAction() {
  await signOut();
  redirect('/sign-in');
}
