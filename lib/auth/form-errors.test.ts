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
import { describeError } from './action';
import { assertDiskFits, parseImportRequest } from '../domain/imports';
import { englishMessage } from '../english-errors';
import { consoleMessage } from '../../i18n/console-words';

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

const thrown = (work: () => unknown): CloudError => {
  try {
    work();
  } catch (error) {
    if (error instanceof CloudError) return error;
  }
  throw new Error('expected a CloudError');
};
const importWithSize = (diskImageSize: unknown) => () => parseImportRequest({ regionId: 'cn-hangzhou', diskDeviceMappings: [{ ossBucket: 'b', ossObject: 'disk.raw', diskImageSize }] });

describe('issue 16: import and share refusals say what is wrong', () => {
  it.each(['abc', 99_999_999, '4.5', 0])('a disk size of %j is not a size: its own message, not "smaller than the disk in the file"', async (size) => {
    const tooSmall = (await describeError(thrown(() => assertDiskFits(10, { sizeGib: 20 } as never)))).message;
    const message = (await describeError(thrown(importWithSize(size)))).message;
    expect(message).toBe('The disk size must be a whole number of GiB from 1 to 2048.');
    expect(tooSmall).toBe('The disk image size must be at least the size of the disk in the file.');
  });

  it('a share to several accounts names the one that failed, in both languages', async () => {
    const refusal = new CloudError('InvalidAccount.NotFound', { account: 'nobody@example.test' }, 'addAccounts');
    expect((await describeError(refusal)).message).toContain('nobody@example.test');
    locale = 'zh-CN';
    expect((await describeError(new CloudError('QuotaExceed.Image', { regionId: 'cn-hangzhou', account: '1234567890123456' }, 'addAccounts'))).message).toContain('1234567890123456');
  });
});

describe('issue 16: forms that check as the user types say it the same way', () => {
  it('the import wizard’s own check of a missing bucket is in words, not DiskDeviceMapping.1.OSSBucket', () => {
    const error = thrown(() => parseImportRequest({ regionId: 'cn-hangzhou', diskDeviceMappings: [{}] }));
    const words = consoleMessage(error, createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'fieldErrors' }) as never, createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'errors' }) as never);
    expect(words).toBe('Choose a bucket: create one under Buckets first if you have none.');
    expect(englishMessage(error)).toContain('DiskDeviceMapping.1.OSSBucket');
  });
});
