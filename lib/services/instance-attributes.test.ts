// Issue 16: an instance can be renamed (ModifyInstanceAttribute, console and API), and a frozen
// instance's page has the operator's own reason for the freeze (ADM-2).
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, instances } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { expectCloudError } from '../../tests/helpers/marketplace';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { freezeInstance, freezeNote, unfreezeInstance } from './freezes';
import { modifyInstanceAttribute } from './instance-attributes';
import { releaseInstance, runInstances } from './instances';

const { db } = throwawayDatabase();
const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };
let owner: Actor;
beforeAll(async () => {
  await withoutLaunchMinimum(db());
  owner = await newBuyer();
});

async function launch(): Promise<string> {
  const image = (await db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).limit(1)).at(0)!;
  return (await runInstances(owner, { regionId: 'cn-hangzhou', imageId: image.id, instanceTypeId: 'ecs.g7.large', amount: 1, name: 'web' })).instanceIds[0];
}
const nameOf = async (id: string) => (await db().select().from(instances).where(eq(instances.id, id)).limit(1)).at(0)!.name;

describe('issue 16: renaming an instance', () => {
  it('the owner renames it; the name follows the launch rule', async () => {
    const id = await launch();
    expect(await modifyInstanceAttribute(owner, { instanceId: id, instanceName: '  shop-frontend  ' })).toEqual({ instanceId: id, name: 'shop-frontend' });
    expect(await nameOf(id)).toBe('shop-frontend');
    await expectCloudError(async () => await modifyInstanceAttribute(owner, { instanceId: id, instanceName: '9lives' }), 'InvalidInstanceName.Malformed');
    await expectCloudError(async () => await modifyInstanceAttribute(owner, { instanceId: id, instanceName: 'x'.repeat(129) }), 'InvalidInstanceName.Malformed');
    await expectCloudError(async () => await modifyInstanceAttribute(owner, { instanceId: id }), 'MissingParameter');
    expect(await nameOf(id)).toBe('shop-frontend');
  });

  it('another account’s instance, or a released one, does not exist', async () => {
    const id = await launch();
    await expectCloudError(async () => await modifyInstanceAttribute(await newBuyer(), { instanceId: id, instanceName: 'mine-now' }), 'InvalidInstanceId.NotFound');
    await releaseInstance(owner, id);
    await expectCloudError(async () => await modifyInstanceAttribute(owner, { instanceId: id, instanceName: 'after-release' }), 'InvalidInstanceId.NotFound');
  });
});

describe('issue 16: a frozen instance shows the operator’s reason', () => {
  it('the owner reads the note the operator wrote; none once the freeze is lifted', async () => {
    const id = await launch();
    expect(await freezeNote(owner, id)).toBeNull();
    await freezeInstance(admin, id, { note: 'Outbound spam reported by abuse@example.test on 1 Dec.' });
    expect(await freezeNote(owner, id)).toBe('Outbound spam reported by abuse@example.test on 1 Dec.');
    await expectCloudError(async () => await freezeNote(await newBuyer(), id), 'InvalidInstanceId.NotFound');
    await unfreezeInstance(admin, id);
    expect(await freezeNote(owner, id)).toBeNull();
  });
});
