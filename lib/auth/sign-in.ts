// Signing up, in and out through better-auth, with its errors turned into catalogue errors,
// throttled per user and per client address (issue 12).
import { headers } from 'next/headers';
import { APIError } from 'better-auth/api';
import { config } from '../config';
import { clientAddress } from '../domain/client-address';
import { CloudError } from '../domain/errors';
import { parseSignIn, parseSignUp } from '../domain/people';
import { assertSignUpAllowed, startSignIn } from '../services/sign-in-throttle';
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

const addressOf = (request: Headers) => clientAddress(request.get('x-forwarded-for'), config.trustedProxyHops);

export async function signUp(input: unknown): Promise<void> {
  await signUpFrom(input, await headers());
}

export async function signIn(input: unknown): Promise<void> {
  await signInFrom(input, await headers());
}

/** The sign-up of a request with these headers (apart from the page, so tests can drive it). */
export async function signUpFrom(input: unknown, request: Headers): Promise<void> {
  const body = parseSignUp(input);
  await assertSignUpAllowed(addressOf(request));
  await getAuth().api.signUpEmail({ body, headers: request }).catch(translate);
}

/** The sign-in of a request with these headers: refused while locked out, wrong passwords counted. */
export async function signInFrom(input: unknown, request: Headers): Promise<void> {
  const body = parseSignIn(input);
  const attempt = await startSignIn(body.email, addressOf(request));
  try {
    await getAuth().api.signInEmail({ body, headers: request }).catch(translate);
  } catch (error) {
    if (error instanceof CloudError && error.code === 'InvalidCredentials') await attempt.wrongPassword();
    else await attempt.abandoned();
    throw error;
  }
  await attempt.succeeded();
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
}
