// Issue 16: a batch sums itself up in one toast; when every item was refused it says so ("None of
// the 3 instances was stopped") with each instance's reason, not "0 stopped, 3 refused".
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../i18n/messages';

const shown = vi.hoisted(() => ({ error: [] as unknown[][], success: [] as unknown[][] }));
vi.mock('sonner', () => ({ toast: { error: (...args: unknown[]) => shown.error.push(args), success: (...args: unknown[]) => shown.success.push(args) } }));
const { toastBatch } = await import('../components/console/batch-toast');

// The catalogue's translator, typed as the component's hook gives it.
const batch = (locale: 'en' | 'zh-CN') => createTranslator({ locale, messages: catalogues[locale], namespace: 'batch' }) as unknown as Parameters<typeof toastBatch>[0];
const refused = (id: string) => ({ id, ok: false, message: `${id} is frozen` });
const names = new Map([['i-1', 'web-1'], ['i-2', 'web-2'], ['i-3', 'web-3']]);
const nameOf = (id: string) => names.get(id) ?? id;

describe('issue 16: the batch toast', () => {
  beforeEach(() => {
    shown.error.length = 0;
    shown.success.length = 0;
  });

  it('every item refused: "None of the 3 instances was stopped", each with its reason, in both languages', () => {
    toastBatch(batch('en'), 'stop', { ok: true, data: ['i-1', 'i-2', 'i-3'].map(refused) }, nameOf);
    expect(shown.error).toEqual([['None of the 3 instances was stopped', { description: 'web-1: i-1 is frozen\nweb-2: i-2 is frozen\nweb-3: i-3 is frozen' }]]);
    toastBatch(batch('zh-CN'), 'stop', { ok: true, data: ['i-1', 'i-2', 'i-3'].map(refused) }, nameOf);
    expect(shown.error[1][0]).toBe('3 个实例均未停止');
    toastBatch(batch('en'), 'delete', { ok: true, data: [refused('m-1')] }, nameOf);
    expect(shown.error[2][0]).toBe('The image was not deleted');
  });

  it('some refused: how many were done and refused, with the reasons', () => {
    toastBatch(batch('en'), 'stop', { ok: true, data: [{ id: 'i-1', ok: true }, refused('i-2')] }, nameOf);
    expect(shown.error).toEqual([['1 stopped, 1 refused: i-2 is frozen', { description: 'web-2: i-2 is frozen' }]]);
    toastBatch(batch('en'), 'stop', { ok: true, data: [{ id: 'i-1', ok: true }] }, nameOf);
    expect(shown.success).toEqual([['1 instance stopped']]);
  });
});
