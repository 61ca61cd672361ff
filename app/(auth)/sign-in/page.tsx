import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { demoSignIn } from '@/lib/auth/demo-sign-in';
import { signInAction } from '../actions';
import { AuthForm } from '../auth-form';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentSession()) redirect('/console/instances');
  return <AuthForm mode="sign-in" action={signInAction} demo={demoSignIn()} next={next} />;
}
