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
beforeAll(() => {
  withoutLaunchMinimum(db());
  owner = newBuyer();
});

function launch(): string {
  const image = db().select().from(images).where(and(eq(images.regionId, 'cn-hangzhou'), eq(images.kind, 'system'))).get()!;
  return runInstances(owner, { regionId: 'cn-hangzhou', imageId: image.id, instanceTypeId: 'ecs.g7.large', amount: 1, name: 'web' }).instanceIds[0];
}
const nameOf = (id: string) => db().select().from(instances).where(eq(instances.id, id)).get()!.name;

describe('issue 16: renaming an instance', () => {
  it('the owner renames it; the name follows the launch rule', () => {
    const id = launch();
    expect(modifyInstanceAttribute(owner, { instanceId: id, instanceName: '  shop-frontend  ' })).toEqual({ instanceId: id, name: 'shop-frontend' });
    expect(nameOf(id)).toBe('shop-frontend');
    expectCloudError(() => modifyInstanceAttribute(owner, { instanceId: id, instanceName: '9lives' }), 'InvalidInstanceName.Malformed');
    expectCloudError(() => modifyInstanceAttribute(owner, { instanceId: id, instanceName: 'x'.repeat(129) }), 'InvalidInstanceName.Malformed');
    expectCloudError(() => modifyInstanceAttribute(owner, { instanceId: id }), 'MissingParameter');
    expect(nameOf(id)).toBe('shop-frontend');
  });

  it('another account’s instance, or a released one, does not exist', () => {
    const id = launch();
    expectCloudError(() => modifyInstanceAttribute(newBuyer(), { instanceId: id, instanceName: 'mine-now' }), 'InvalidInstanceId.NotFound');
    releaseInstance(owner, id);
    expectCloudError(() => modifyInstanceAttribute(owner, { instanceId: id, instanceName: 'after-release' }), 'InvalidInstanceId.NotFound');
  });
});

describe('issue 16: a frozen instance shows the operator’s reason', () => {
  it('the owner reads the note the operator wrote; none once the freeze is lifted', () => {
    const id = launch();
    expect(freezeNote(owner, id)).toBeNull();
    freezeInstance(admin, id, { note: 'Outbound spam reported by abuse@example.test on 1 Dec.' });
    expect(freezeNote(owner, id)).toBe('Outbound spam reported by abuse@example.test on 1 Dec.');
    expectCloudError(() => freezeNote(newBuyer(), id), 'InvalidInstanceId.NotFound');
    unfreezeInstance(admin, id);
    expect(freezeNote(owner, id)).toBeNull();
  });
});
