// ModifyInstanceAttribute (issue 16): the owner renames an instance, from the console or the API,
// with the launch's own rule for names (2–128 characters, a letter or Chinese character first).
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { instances } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { isValidResourceName } from '../domain/names';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { mutate } from './transaction';

const schema = z.object({
  instanceId: z.string().min(1).max(64),
  instanceName: z.string().trim().refine(isValidResourceName),
});

export async function modifyInstanceAttribute(actor: Actor, input: unknown): Promise<{ instanceId: string; name: string }> {
  return await mutate(actor, 'ModifyInstanceAttribute', async (tx, note) => {
    authorize(actor, 'instance.modify');
    const request = parseInput(schema, input, { instanceId: 'InvalidInstanceId.NotFound', instanceName: 'InvalidInstanceName.Malformed' });
    note.target = request.instanceId;
    const instance = (await tx
      .select({ id: instances.id, name: instances.name })
      .from(instances)
      .where(and(eq(instances.id, request.instanceId), eq(instances.accountId, actor.accountId), ne(instances.status, 'Released'))).limit(1)).at(0);
    // Another account's instance answers exactly like one that does not exist.
    if (!instance) throw new CloudError('InvalidInstanceId.NotFound', { instanceId: request.instanceId }, 'instanceId');
    await tx.update(instances).set({ name: request.instanceName }).where(eq(instances.id, instance.id));
    note.detail = { from: instance.name, to: request.instanceName };
    return { instanceId: instance.id, name: request.instanceName };
  });
}
