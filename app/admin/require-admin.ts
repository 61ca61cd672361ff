import { notFound } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';

/**
 * The admin area answers 404 to anyone who is not an operator, signed in or not, as if it did
 * not exist. The services check the role again on every call.
 */
export async function requireAdmin() {
  const session = await currentSession();
  if (!session || !session.actor.roles.includes('admin')) notFound();
  return session;
}
