// Who is signed in, for pages and server actions.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadActor } from '../services/accounts';
import { getAuth } from './auth';

/** The signed-in actor and user, or null. Cached per request. */
export const currentSession = cache(async () => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  return await loadActor(session.user.id);
});

export async function requireSession() {
  const session = await currentSession();
  if (!session) redirect('/sign-in');
  return session;
}
