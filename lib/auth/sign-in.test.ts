// Issue 12 (sign-in throttling): wrong passwords lock a user, and an address, out for
// signInLockoutMinutes, whatever the password; a success resets the user's count; sign-ups are
// counted per address; the counts are in the database, so a new process sees them. The real
// sign-in path (better-auth on a throwaway database) is driven with the request's headers.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// One trusted proxy, so each test can speak from its own address (X-Forwarded-For).
vi.hoisted(() => {
  process.env.STRATUS_TRUSTED_PROXY = '1';
});

import { closeDatabase, useDatabase } from '../../db/client';
import { platformSettings } from '../../db/schema';
import { anotherHandle, throwawayDatabase } from '../../tests/helpers/database';
import { signInFrom, signUpFrom } from './sign-in';

const { db } = throwawayDatabase();
const PASSWORD = 'right-password';
// 10:00 on 1 March 2026 in China.
const start = new Date('2026-03-01T02:00:00Z');

let n = 0;
// As server.ts passes it on: the client's own claim, what the trusted proxy saw, then the proxy itself.
const from = (address: string) => new Headers({ 'x-forwarded-for': `198.51.100.1, ${address}, 10.0.0.2` });
async function newUser(address = '192.0.2.200'): Promise<string> {
  const email = `person-${++n}@example.com`;
  await signUpFrom({ name: `Person ${n}`, email, password: PASSWORD }, from(address));
  return email;
}
const signIn = async (email: string, password: string, address = '192.0.2.1') => await signInFrom({ email, password }, from(address));
const wrong = (email: string, address?: string) => expect(signIn(email, 'wrong-password', address)).rejects.toMatchObject({ code: 'InvalidCredentials' });
const lockedUntil = (until: string) => ({ code: 'Throttling.SignIn', params: { until } });

async function set(values: Record<string, number>) {
  for (const [key, value] of Object.entries(values)) await db().insert(platformSettings).values({ key, value, updatedAt: new Date() }).onConflictDoUpdate({ target: platformSettings.key, set: { value } });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  await set({ signInFailuresPerUser: 3, signInFailuresPerAddress: 1000, signInLockoutMinutes: 15, signUpsPerAddressPerHour: 1000 });
});
afterEach(async () => {
  vi.useRealTimers();
  await db().delete(platformSettings);
});
afterAll(() => vi.useRealTimers());

describe('per user', () => {
  it('after signInFailuresPerUser wrong passwords the right one is refused too, with the end of the lockout in China time', async () => {
    const email = await newUser();
    await wrong(email);
    await wrong(email);
    // The third reaches the limit: it says the lockout began.
    await expect(signIn(email, 'wrong-password')).rejects.toMatchObject(lockedUntil('2026-03-01 10:15 (UTC+8)'));
    vi.setSystemTime(new Date(start.getTime() + 60_000));
    await expect(signIn(email, PASSWORD)).rejects.toMatchObject(lockedUntil('2026-03-01 10:15 (UTC+8)'));
    // From another address, and spelt differently: the same user.
    await expect(signIn(` ${email.toUpperCase()} `, PASSWORD, '192.0.2.99')).rejects.toMatchObject({ code: 'Throttling.SignIn' });
  });

  it('the lockout ends after signInLockoutMinutes', async () => {
    const email = await newUser();
    for (let i = 0; i < 2; i++) await wrong(email);
    await expect(signIn(email, 'wrong-password')).rejects.toMatchObject({ code: 'Throttling.SignIn' });
    vi.setSystemTime(new Date(start.getTime() + 15 * 60_000 - 1_000));
    await expect(signIn(email, PASSWORD)).rejects.toMatchObject({ code: 'Throttling.SignIn' });
    vi.setSystemTime(new Date(start.getTime() + 15 * 60_000 + 1_000));
    await expect(signIn(email, PASSWORD)).resolves.toBeUndefined();
  });

  it('a successful sign-in resets the user’s count', async () => {
    const email = await newUser();
    await wrong(email);
    await wrong(email);
    await signIn(email, PASSWORD);
    await wrong(email);
    await wrong(email);
    await expect(signIn(email, PASSWORD)).resolves.toBeUndefined();
  });

  it('guesses sent in parallel get no more tries than the limit', async () => {
    const email = await newUser();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, async () => await signIn(email, 'wrong-password')));
    const codes = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'signed in'));
    expect(codes.filter((c) => c === 'InvalidCredentials').length).toBe(2);
    expect(codes.filter((c) => c === 'Throttling.SignIn').length).toBe(18);
    await expect(signIn(email, PASSWORD)).rejects.toMatchObject({ code: 'Throttling.SignIn' });
  });

  it('attempts refused during a lockout do not count: the lockout still ends on time', async () => {
    const email = await newUser();
    for (let i = 0; i < 2; i++) await wrong(email);
    await expect(signIn(email, 'wrong-password')).rejects.toMatchObject({ code: 'Throttling.SignIn' });
    for (let i = 0; i < 5; i++) await expect(signIn(email, PASSWORD)).rejects.toMatchObject(lockedUntil('2026-03-01 10:15 (UTC+8)'));
    vi.setSystemTime(new Date(start.getTime() + 15 * 60_000 + 1_000));
    await expect(signIn(email, PASSWORD)).resolves.toBeUndefined();
  });

  it('an admin’s change of the limit applies to the next attempt', async () => {
    const email = await newUser();
    await wrong(email);
    await set({ signInFailuresPerUser: 2 });
    await expect(signIn(email, 'wrong-password')).rejects.toMatchObject({ code: 'Throttling.SignIn' });
    await expect(signIn(email, PASSWORD)).rejects.toMatchObject({ code: 'Throttling.SignIn' });
  });
});

describe('per client address', () => {
  it('after signInFailuresPerAddress wrong passwords from an address, nobody signs in from it; other addresses can', async () => {
    await set({ signInFailuresPerAddress: 4 });
    const attacker = '203.0.113.7';
    const victims = [await newUser(), await newUser(), await newUser(), await newUser()];
    for (const email of victims.slice(0, 3)) await wrong(email, attacker);
    await expect(signIn(victims[3], 'wrong-password', attacker)).rejects.toMatchObject(lockedUntil('2026-03-01 10:15 (UTC+8)'));
    const someone = await newUser();
    await expect(signIn(someone, PASSWORD, attacker)).rejects.toMatchObject({ code: 'Throttling.SignIn' });
    await expect(signIn(someone, PASSWORD, '203.0.113.8')).resolves.toBeUndefined();
    // A success from the address does not reset the address's count.
    await expect(signIn(someone, PASSWORD, attacker)).rejects.toMatchObject({ code: 'Throttling.SignIn' });
  });

  it('sign-ups are limited per address and hour (signUpsPerAddressPerHour)', async () => {
    await set({ signUpsPerAddressPerHour: 2 });
    const address = '203.0.113.20';
    await newUser(address);
    await newUser(address);
    await expect(newUser(address)).rejects.toMatchObject({ code: 'Throttling.SignUp', params: { until: '2026-03-01 11:00 (UTC+8)' } });
    await expect(newUser('203.0.113.21')).resolves.toMatch(/@example\.com$/);
    vi.setSystemTime(new Date(start.getTime() + 3_600_000 + 1_000));
    await expect(newUser(address)).resolves.toMatch(/@example\.com$/);
  });
});

describe('the counts are in the database', () => {
  it('a new process (a fresh limiter on its own connection) sees the lockout', async () => {
    const email = await newUser();
    for (let i = 0; i < 2; i++) await wrong(email);
    await expect(signIn(email, 'wrong-password')).rejects.toMatchObject({ code: 'Throttling.SignIn' });

    const first = db();
    const second = anotherHandle();
    try {
      useDatabase(second);
      vi.resetModules();
      const fresh = await import('../services/sign-in-throttle');
      await expect(fresh.startSignIn(email, '192.0.2.50')).rejects.toMatchObject(lockedUntil('2026-03-01 10:15 (UTC+8)'));
    } finally {
      useDatabase(first);
      await closeDatabase(second);
    }
  });
});
