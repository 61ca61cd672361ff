import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { signUpAction } from '../actions';
import { AuthForm } from '../auth-form';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('signUp');

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentSession()) redirect('/console/instances');
  return <AuthForm mode="sign-up" action={signUpAction} next={next} />;
}
