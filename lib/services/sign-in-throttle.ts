// Sign-in and sign-up throttling (issue 12). Counters live in the rate_limits table through
// rate-limiter-flexible's Drizzle store, so a restart or a second server process sees the same
// counts. The limits are platform settings (ADM-4), read on every call so an admin's change
// applies at once; a limiter is kept per set of limits, and the key prefix does not depend on
// them, so changing a limit keeps the counts.
import { RateLimiterDrizzle, type RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '../../db/client';
import { rateLimits } from '../../db/schema';
import { chinaMinute } from '../domain/calendar';
import { CloudError, type CloudErrorCode } from '../domain/errors';
import type { PlatformSettings } from '../domain/settings';
import { clock } from '../clock';
import { readSettings } from './settings';

type Bucket = 'signin-user' | 'signin-address' | 'signup-address';

const limiters = new Map<string, RateLimiterDrizzle>();

function limiter(bucket: Bucket, points: number, seconds: number): RateLimiterDrizzle {
  const id = `${bucket}/${points}/${seconds}`;
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterDrizzle({ storeClient: getDb(), schema: rateLimits, keyPrefix: bucket, points, duration: seconds });
    limiters.set(id, found);
  }
  return found;
}

/** Wrong passwords are counted per user and per address over a lockout's length; reaching the limit locks for that long. */
function signInLimiters(settings: PlatformSettings) {
  const seconds = settings.signInLockoutMinutes * 60;
  return { seconds, user: limiter('signin-user', settings.signInFailuresPerUser, seconds), address: limiter('signin-address', settings.signInFailuresPerAddress, seconds) };
}

/** The same spelling of an email for every attempt. */
const userKey = (email: string) => email.trim().toLowerCase();

function refuse(code: CloudErrorCode, msBeforeNext: number): never {
  // Named in China time, like every moment in the console's messages.
  throw new CloudError(code, { until: `${chinaMinute(new Date(clock.now().getTime() + msBeforeNext))} (UTC+8)` });
}

const locked = (state: RateLimiterRes | null, points: number) => state !== null && state.consumedPoints >= points && state.msBeforeNext > 0;

/** Refuses a sign-in, whatever the password, while the user or the address is locked out. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const { user, address: byAddress } = signInLimiters(readSettings(getDb()));
  const [userState, addressState] = await Promise.all([user.get(userKey(email)), byAddress.get(address)]);
  const waits = [locked(userState, user.points) && userState!.msBeforeNext, locked(addressState, byAddress.points) && addressState!.msBeforeNext].filter((ms): ms is number => typeof ms === 'number');
  if (waits.length > 0) refuse('Throttling.SignIn', Math.max(...waits));
}

/** Counts a wrong password; the one that reaches a limit starts the lockout, and says so. */
export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const { seconds, user, address: byAddress } = signInLimiters(readSettings(getDb()));
  let lockedOut = false;
  for (const [limit, key] of [[user, userKey(email)], [byAddress, address]] as const) {
    const state = await limit.consume(key).catch((refused: RateLimiterRes) => refused);
    if (state.consumedPoints >= limit.points) {
      await limit.block(key, seconds);
      lockedOut = true;
    }
  }
  if (lockedOut) refuse('Throttling.SignIn', seconds * 1000);
}

/** A successful sign-in forgets the user's wrong passwords (the address keeps its count). */
export async function recordSignInSuccess(email: string): Promise<void> {
  const { user } = signInLimiters(readSettings(getDb()));
  await user.delete(userKey(email));
}

/** Counts a sign-up from the address, refused beyond the hourly limit. */
export async function assertSignUpAllowed(address: string): Promise<void> {
  const limit = limiter('signup-address', readSettings(getDb()).signUpsPerAddressPerHour, 3600);
  const state = await limit.consume(address).catch((refused: RateLimiterRes) => refused);
  if (state.consumedPoints > limit.points) refuse('Throttling.SignUp', state.msBeforeNext);
}
