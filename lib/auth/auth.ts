// Authentication by better-auth (email + password, sessions in the database). Its HTTP routes are
// not mounted: the console calls auth.api from server actions, so the only ways in are the forms.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { getDb } from '../../db/client';
import { onPostgres } from '../../db/engine';
import { credentials, sessions, users, verifications } from '../../db/schema';
import { config } from '../config';
import { createAccount } from '../services/accounts';
import { sessionCookieOptions } from './cookies';
import { authSecret } from './secret';

export const PASSWORD_MIN_LENGTH = 8;

function createAuth() {
  return betterAuth({
    appName: 'Stratus',
    secret: authSecret(),
    baseURL: config.siteUrl,
    database: drizzleAdapter(getDb(), {
      provider: onPostgres ? 'pg' : 'sqlite',
      schema: { user: users, session: sessions, account: credentials, verification: verifications },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN_LENGTH, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        // input: false — a person signing up can never choose their tenant or make themselves admin.
        accountId: { type: 'string', required: false, input: false },
        isAdmin: { type: 'boolean', required: false, input: false, defaultValue: false },
        regionId: { type: 'string', required: false, input: false, defaultValue: 'cn-hangzhou' },
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Every sign-up opens a new account (tenant) with its wallet; the user is its first member.
          before: async (user) => ({ data: { ...user, accountId: await createAccount(user.name) } }),
        },
      },
    },
    advanced: sessionCookieOptions(config.siteUrl),
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as { __stratusAuth?: Auth };

export function getAuth(): Auth {
  holder.__stratusAuth ??= createAuth();
  return holder.__stratusAuth;
}
