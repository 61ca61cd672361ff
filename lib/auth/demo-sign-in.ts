// The sign-in page's hint in demo mode only: the demo people and their one password. Never
// offered in production or test mode.
import { DEMO_PASSWORD, demoUsers } from '../../db/seed-data';
import { config } from '../config';

export function demoSignIn(): { password: string; users: { email: string; role: string }[] } | undefined {
  if (config.mode !== 'demo') return undefined;
  return { password: DEMO_PASSWORD, users: demoUsers.map(({ email, role }) => ({ email, role })) };
}
