// Issue 16: a batch reports how each item ended. An unexpected failure of one item (not a
// refusal: say the database was busy) is that item's outcome too — the items before it are done,
// each in its own transaction, and the report must not hide them behind one error for the batch.
import { describe, expect, it, vi } from 'vitest';
import { CloudError } from '../domain/errors';
import type { Actor } from '../domain/actor';

vi.mock('./images', () => ({
  deleteImage: (_: Actor, id: string) => {
    if (id === 'm-busy') throw new Error('SQLITE_BUSY: database is locked');
    if (id === 'm-theirs') throw new CloudError('InvalidImageId.NotFound');
  },
}));
vi.mock('./instances', () => ({ lifecycleChange: () => () => undefined }));

const { batchDeleteImages, batchInstances } = await import('./batch');
const actor = { accountId: 'acc-1' } as Actor;

describe('batch outcomes (issue 16)', () => {
  it('an unexpected failure of one item is its outcome; the others are reported done', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const outcomes = await batchDeleteImages(actor, ['m-1', 'm-busy', 'm-theirs', 'm-2']);
    expect(outcomes.map((o) => [o.id, o.ok, o.ok ? null : o.error.code])).toEqual([
      ['m-1', true, null],
      ['m-busy', false, 'InternalError'],
      ['m-theirs', false, 'InvalidImageId.NotFound'],
      ['m-2', true, null],
    ]);
  });

  it('an action that is not start, stop or release is refused as a parameter, not a crash', async () => {
    await expect(async () => await batchInstances(actor, 'reboot' as never, ['i-1'])).rejects.toThrow(expect.objectContaining({ code: 'InvalidParameter' }));
    expect(await batchInstances(actor, 'stop', ['i-1'])).toEqual([{ id: 'i-1', ok: true }]);
  });
});
