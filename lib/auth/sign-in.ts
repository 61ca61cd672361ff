// Signing up, in and out through better-auth, with its errors turned into catalogue errors.
import { headers } from 'next/headers';
import { APIError } from 'better-auth/api';
import { CloudError } from '../domain/errors';
import { parseSignIn, parseSignUp } from '../domain/people';
import { getAuth } from './auth';

function translate(error: unknown): never {
  if (error instanceof APIError) {
    const code = String((error.body as { code?: string } | undefined)?.code ?? '');
    if (code.startsWith('USER_ALREADY_EXISTS')) throw new CloudError('InvalidEmail.Duplicated', {}, 'email');
    if (code.startsWith('PASSWORD_TOO')) throw new CloudError('InvalidPassword.Malformed', {}, 'password');
    if (code === 'INVALID_EMAIL') throw new CloudError('InvalidEmail.Malformed', {}, 'email');
    if (code === 'INVALID_EMAIL_OR_PASSWORD' || error.status === 'UNAUTHORIZED') throw new CloudError('InvalidCredentials');
  }
  throw error;
}

export async function signUp(input: unknown): Promise<void> {
  const body = parseSignUp(input);
  await getAuth().api.signUpEmail({ body, headers: await headers() }).catch(translate);
}

export async function signIn(input: unknown): Promise<void> {
  const body = parseSignIn(input);
  await getAuth().api.signInEmail({ body, headers: await headers() }).catch(translate);
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
}
