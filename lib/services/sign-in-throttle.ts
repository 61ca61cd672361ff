// Sign-in and sign-up throttling (issue 12). Counters live in the rate_limits table through
// rate-limiter-flexible's Drizzle store, so a restart or a second server process sees the same
// counts. The limits are platform settings (ADM-4), read on every call so an admin's change
// applies at once; a limiter is kept per set of limits, and the key prefix does not depend on
// them, so changing a limit keeps the counts. The counters are written in transactions of their
// own (infrastructure), in the primary connection's turn like every change.
import { RateLimiterRes, type RateLimiterDrizzle } from 'rate-limiter-flexible';
import { getDb } from '../../db/client';
import { chinaMinute } from '../domain/calendar';
import { CloudError, type CloudErrorCode } from '../domain/errors';
import type { PlatformSettings } from '../domain/settings';
import { clock } from '../clock';
import { storedLimiter } from './limiters';
import { infrastructure } from './transaction';
import { readSettings } from './settings';
import { oneAfterAnother } from '../../db/portable';

/** Wrong passwords are counted per user and per address over a lockout's length; reaching the limit locks for that long. */
function signInLimiters(settings: PlatformSettings) {
  const seconds = settings.signInLockoutMinutes * 60;
  return { seconds, user: storedLimiter('signin-user', settings.signInFailuresPerUser, seconds), address: storedLimiter('signin-address', settings.signInFailuresPerAddress, seconds) };
}

/** The same spelling of an email for every attempt. */
const userKey = (email: string) => email.trim().toLowerCase();

function refuse(code: CloudErrorCode, msBeforeNext: number): never {
  // Named in China time, like every moment in the console's messages. The limiter counts real
  // time (Date.now()); the end is named from clock.now(), the same in production, and in step
  // with a test's moved clock.
  throw new CloudError(code, { until: `${chinaMinute(new Date(clock.now().getTime() + msBeforeNext))} (UTC+8)` });
}

/** The count after this attempt, over the limit or not; a store error (the database) is thrown, never taken as "allowed". */
const consume = (limit: RateLimiterDrizzle, key: string): Promise<RateLimiterRes> =>
  limit.consume(key).catch((refused: unknown) => {
    if (refused instanceof RateLimiterRes) return refused;
    throw refused;
  });

/** What a sign-in that was let through must report once the password was checked. */
export type SignInAttempt = { wrongPassword(): Promise<void>; succeeded(): Promise<void>; abandoned(): Promise<void> };

/**
 * Counts the attempt before the password is checked, so parallel guesses cannot all slip
 * through before the first failure is written; refused, whatever the password, while the user
 * or the address is locked out (a refused attempt is not counted).
 */
export async function startSignIn(email: string, address: string): Promise<SignInAttempt> {
  const { seconds, user, address: byAddress } = signInLimiters(await readSettings(getDb()));
  const counted = [
    { limit: user, key: userKey(email) },
    { limit: byAddress, key: address },
  ];
  const states = await infrastructure(() => oneAfterAnother(counted, ({ limit, key }) => consume(limit, key)));
  const uncount = () => infrastructure(() => oneAfterAnother(counted, ({ limit, key }) => limit.reward(key, 1))).then(() => undefined);
  const waits = states.filter((state, i) => state.consumedPoints > counted[i].limit.points).map((state) => state.msBeforeNext);
  if (waits.length > 0) {
    await uncount();
    refuse('Throttling.SignIn', Math.max(...waits));
  }
  return {
    // The wrong password that reaches a limit starts the lockout, and says so.
    async wrongPassword() {
      const reached = counted.filter((_, i) => states[i].consumedPoints >= counted[i].limit.points);
      await infrastructure(async () => {
        for (const { limit, key } of reached) await limit.block(key, seconds);
      });
      if (reached.length > 0) refuse('Throttling.SignIn', seconds * 1000);
    },
    // A success forgets the user's wrong passwords; the address keeps its count of them.
    async succeeded() {
      await infrastructure(async () => {
        await user.delete(userKey(email));
        await byAddress.reward(address, 1);
      });
    },
    abandoned: uncount,
  };
}

/** Counts a sign-up from the address, refused beyond the hourly limit. */
export async function assertSignUpAllowed(address: string): Promise<void> {
  const limit = storedLimiter('signup-address', (await readSettings(getDb())).signUpsPerAddressPerHour, 3600);
  const state = await infrastructure(() => consume(limit, address));
  if (state.consumedPoints > limit.points) refuse('Throttling.SignUp', state.msBeforeNext);
}
