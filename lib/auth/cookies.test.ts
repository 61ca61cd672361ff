// Issue 12: session cookies are HttpOnly and SameSite=Lax, and Secure when the site is https.
import { describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../../tests/helpers/database';
import { getAuth } from './auth';
import { sessionCookieOptions } from './cookies';

throwawayDatabase();

describe('session cookies', () => {
  it('are Secure exactly when the site URL is https', () => {
    expect(sessionCookieOptions('https://cloud.example.com')).toMatchObject({ useSecureCookies: true, defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: true } });
    expect(sessionCookieOptions('http://localhost:3000')).toMatchObject({ useSecureCookies: false, defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: false } });
  });

  it('a real sign-in on this (http) site sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const auth = getAuth();
    await auth.api.signUpEmail({ body: { name: 'Cookie', email: 'cookie@example.com', password: 'password-1' } });
    const { headers } = await auth.api.signInEmail({ body: { email: 'cookie@example.com', password: 'password-1' }, returnHeaders: true });
    const session = headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/; Secure/i);
  });
});
