'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/auth/action';

type Demo = { email: string; role: string };

export function AuthForm({ mode, action, demo, next }: { mode: 'sign-in' | 'sign-up'; next?: string; action: (state: ActionState<null>, form: FormData) => Promise<ActionState<null>>; demo?: { password: string; users: Demo[] } }) {
  const t = useTranslations('auth');
  const { pending, form, fieldError, formError: unshown } = useFormAction(action, { resetOnSuccess: false });
  // Controlled, so a refused attempt keeps what was typed (React resets uncontrolled fields).
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // Every refused field is marked at once (issue 16).
  const formError = unshown(['name', 'email', 'password']);

  const [password, setPassword] = useState('');
  const fillDemo = (demoEmail: string) => {
    setEmail(demoEmail);
    setPassword(demo?.password ?? '');
  };

  return (
    <div className="space-y-4">
      <form {...form} className="space-y-5 rounded-xl bg-white p-8 shadow-xl">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">{t(mode === 'sign-in' ? 'signInTitle' : 'signUpTitle')}</h1>
          <p className="text-sm text-slate-600">{t(mode === 'sign-in' ? 'signInSubtitle' : 'signUpSubtitle')}</p>
        </div>
        <FormError message={formError} />
        {next && <input type="hidden" name="next" value={next} />}
        {mode === 'sign-up' && <Field label={t('name')} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />}
        <Field label={t('email')} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')} />
        <Field
          label={t('password')}
          name="password"
          type="password"
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={mode === 'sign-up' ? t('passwordHint') : undefined}
          error={fieldError('password')}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {t(mode === 'sign-in' ? 'signIn' : 'signUp')}
        </Button>
        <p className="text-center text-sm text-slate-600">
          {t(mode === 'sign-in' ? 'noAccount' : 'haveAccount')}{' '}
          <Link className="font-medium text-brand-600 hover:underline" href={`${mode === 'sign-in' ? '/sign-up' : '/sign-in'}${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t(mode === 'sign-in' ? 'createOne' : 'signInInstead')}
          </Link>
        </p>
      </form>
      {demo && (
        <section className="rounded-xl border border-white/15 bg-white/10 p-5 text-sm text-slate-100 backdrop-blur" aria-label={t('demoTitle')}>
          <h2 className="font-semibold text-white">{t('demoTitle')}</h2>
          <p className="mt-1 text-slate-300">{t('demoHint', { password: demo.password })}</p>
          <ul className="mt-3 divide-y divide-white/10">
            {demo.users.map((u) => (
              <li key={u.email} className="flex items-center justify-between py-2">
                <span>
                  <span className="mr-2 inline-block w-16 text-xs uppercase tracking-wide text-slate-400">{t('demoRole', { role: u.role })}</span>
                  <code>{u.email}</code>
                </span>
                <button type="button" className="rounded px-2 py-1 text-xs font-medium text-brand-100 hover:bg-white/10" onClick={() => fillDemo(u.email)}>
                  {t('useDemo')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
