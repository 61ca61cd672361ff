import { redirect } from 'next/navigation';
import { requireSession } from '@/lib/auth/session';

/**
 * Seller-only pages: an account that is not an approved seller is sent to its application
 * (SEL-1). The services check the seller role again on every call.
 */
export async function requireSeller() {
  const session = await requireSession();
  if (!session.actor.roles.includes('seller')) redirect('/seller/apply');
  return session;
}
