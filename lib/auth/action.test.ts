// Issue 12: console server actions parse their arguments with zod and never look a handler up
// in a plain object by a string from the client (app/console/instances/actions.ts:30 did).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { settle } from '../../tests/helpers/marketplace';

let signedIn: Actor;
vi.mock('./session', () => ({ requireSession: async () => ({ actor: signedIn }), currentSession: async () => ({ actor: signedIn }) }));
vi.mock('next-intl/server', () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => false }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

import { arg, parseArgs, runParsed } from './action';
import { instanceAction, marketplacePageAction, previewLaunchAction } from '../../app/console/instances/actions';
import { requestRefundAction } from '../../app/console/orders/actions';
import { setAccessKeyStatusAction } from '../../app/console/access-keys/actions';
import { setRegionAction } from '../../app/actions/preferences';
import { declineShareAction, shareImageAction } from '../../app/console/images/share-actions';
import { topUpAction } from '../../app/console/billing/actions';
import { getDb } from '../../db/client';
import { images } from '../../db/schema';
import { and, eq } from 'drizzle-orm';
import { getInstance, runInstances } from '../services/instances';

const { db } = throwawayDatabase();
let instanceId: string;
beforeAll(async () => {
  await withoutLaunchMinimum(db());
  signedIn = await newBuyer();
  const image = (await getDb().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
  [instanceId] = (await runInstances(signedIn, { regionId: 'cn-hangzhou', imageId: image.id, instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds;
  await settle();
});

describe('issue 12: parseArgs', () => {
  const schema = z.object({ id: arg.id, requestId: arg.rowId, form: arg.form });

  it('passes arguments of the right shape through', () => {
    const form = new FormData();
    expect(parseArgs(schema, { id: 'i-1', requestId: 3, form })).toEqual({ id: 'i-1', requestId: 3, form });
  });

  it('refuses a wrong one as InvalidParameter naming it, a missing one as MissingParameter', () => {
    expect(() => parseArgs(schema, { id: 'i-1', requestId: 1.5, form: new FormData() })).toThrow(expect.objectContaining({ code: 'InvalidParameter', field: 'requestId' }));
    expect(() => parseArgs(schema, { id: { toString: () => 'i-1' }, requestId: 1, form: new FormData() })).toThrow(expect.objectContaining({ code: 'InvalidParameter', field: 'id' }));
    expect(() => parseArgs(schema, { id: 'i-1', requestId: 1, form: { get: () => 'x' } })).toThrow(expect.objectContaining({ code: 'InvalidParameter', field: 'form' }));
    expect(() => parseArgs(schema, { requestId: 1, form: new FormData() })).toThrow(expect.objectContaining({ code: 'MissingParameter', field: 'id' }));
  });

  it('runParsed answers a refusal in the ActionState shape, without running the work', async () => {
    const work = vi.fn();
    expect(await runParsed(schema, { id: '', requestId: 1, form: new FormData() } as never, work)).toEqual({ ok: false, error: { code: 'MissingParameter', message: 'missingAny', field: 'id', fields: { id: 'missingAny' } } });
    expect(work).not.toHaveBeenCalled();
  });
});

describe('issue 12: server actions take no handler name from the client', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])('instanceAction(id, %j) is refused as InvalidParameter', async (name) => {
    expect(await instanceAction(instanceId, name as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'action' } });
    expect((await getInstance(signedIn, instanceId)).status).toBe('Running');
  });

  it('a real action name still works', async () => {
    expect(await instanceAction(instanceId, 'stop')).toEqual({ ok: true, data: undefined });
    expect((await getInstance(signedIn, instanceId)).status).toBe('Stopped');
  });

  it('ids, enums and forms of the wrong type are refused before any use case runs', async () => {
    expect(await instanceAction({ length: 1 } as never, 'start')).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'instanceId' } });
    expect(await setAccessKeyStatusAction('LTAI1', 'deleted' as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'status' } });
    expect(await requestRefundAction('o-1', null, 'not a form' as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'form' } });
    expect(await previewLaunchAction({ regionId: 'cn-hangzhou', imageId: ['m-1'], amount: 1 } as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'imageId' } });
    expect(await marketplacePageAction({ regionId: 'cn-hangzhou', q: { length: 1 }, page: 1 } as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'q' } });
  });

  // Found by scripts/probe-security.ts against a running server: these answered InternalError.
  it('the region, share and top-up actions refuse arguments that are not what they take', async () => {
    expect(await setRegionAction({ length: 1 } as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter' } });
    expect(await declineShareAction({ length: 1 } as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter' } });
    expect(await shareImageAction('m-1', ['a'] as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter' } });
    expect(await topUpAction(null, [] as never)).toMatchObject({ ok: false, error: { code: 'InvalidParameter' } });
  });
});
