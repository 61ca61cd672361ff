// Test mode only: lets end-to-end tests open a fresh account without the sign-up form. The
// sign-up is the form's own (signUpFrom: validation, throttle, the account and its wallet), and
// the session cookie is set on the response. In any other mode the route answers 404 as if it
// did not exist.
import { NextResponse } from 'next/server';
import { signUpFrom } from '@/lib/auth/sign-in';
import { config } from '@/lib/config';
import { CloudError } from '@/lib/domain/errors';

export async function POST(request: Request) {
  if (config.mode !== 'test') return NextResponse.json({ Code: 'NotFound' }, { status: 404 });
  const input = await request.json().catch(() => null);
  try {
    await signUpFrom(input, request.headers);
  } catch (error) {
    if (error instanceof CloudError) return NextResponse.json({ Code: error.code }, { status: error.httpStatus });
    throw error;
  }
  return NextResponse.json({ email: (input as { email: string }).email });
}
