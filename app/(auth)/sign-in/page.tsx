import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { config } from '@/lib/config';
import { currentSession } from '@/lib/auth/session';
import { DEMO_PASSWORD, demoUsers } from '@/db/seed-data';
import { signInAction } from '../actions';
import { AuthForm } from '../auth-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentSession()) redirect('/console/instances');
  const demo = config.mode === 'demo' ? { password: DEMO_PASSWORD, users: demoUsers.map(({ email, role }) => ({ email, role })) } : undefined;
  return <AuthForm mode="sign-in" action={signInAction} demo={demo} next={next} />;
}
