// Issue 16 (feedback and forms): a refused form marks every refused field at once, each in the
// user's words ("Enter a name", not "The required parameter name is missing."), in both
// languages; the API keeps the catalogue's wording.
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { catalogues } from '../../i18n/messages';
import { throwawayDatabase } from '../../tests/helpers/database';

let locale: keyof typeof catalogues = 'en';
const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };
vi.mock('./session', () => ({ requireSession: async () => ({ actor: admin }), currentSession: async () => ({ actor: admin }) }));
vi.mock('next-intl/server', () => ({ getTranslations: async (namespace: string) => createTranslator({ locale, messages: catalogues[locale], namespace: namespace as never }) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock('next/navigation', () => ({ redirect: () => undefined }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

import { signUpAction } from '../../app/(auth)/actions';
import { saveSettingsAction } from '../../app/admin/settings/actions';
import { englishMessage } from '../english-errors';

throwawayDatabase();
beforeEach(() => {
  locale = 'en';
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe('issue 16: every field error at once, in the user’s words', () => {
  it('sign-up with nothing filled in marks name, email and password together', async () => {
    const result = await signUpAction(null, form({ name: '', email: '', password: '' }));
    expect(result).toMatchObject({ ok: false, error: { fields: { name: 'Enter a name.', email: 'Enter your email address.', password: 'Enter a password.' } } });
  });

  it('says it in 简体中文 too', async () => {
    locale = 'zh-CN';
    const result = await signUpAction(null, form({ name: '', email: 'nobody', password: 'x' }));
    expect(result).toMatchObject({ ok: false, error: { fields: { name: '请输入名称。', email: '请输入有效的邮箱地址。' } } });
    expect(Object.keys(result!.ok ? {} : result!.error.fields!)).toEqual(['name', 'email', 'password']);
  });

  it('admin settings marks every out-of-range setting, not only the first', async () => {
    const result = await saveSettingsAction(null, form({ minLaunchBalanceFen: '-5', instanceQuotaPerRegion: 'many', vcpuQuotaPerRegion: '10' }));
    expect(result?.ok).toBe(false);
    expect(Object.keys(result && !result.ok ? result.error.fields! : {})).toEqual(expect.arrayContaining(['minLaunchBalanceFen', 'instanceQuotaPerRegion']));
  });

  it('the API keeps its own wording for the same refusal', () => {
    expect(englishMessage(new CloudError('MissingParameter', { param: 'name' }, 'name'))).toBe('The required parameter name is missing.');
  });
});
