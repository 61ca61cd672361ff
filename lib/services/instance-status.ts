// Every change of an instance's status goes through here, so hourly metering (MKT-10) sees
// each stretch of Running time: entering Running opens a run, leaving it closes the run.
import { and, eq, isNull } from 'drizzle-orm';
import { instanceRuns, instances } from '../../db/schema';
import { clock } from '../clock';
import type { InstanceStatus } from '../domain/instances';
import type { Tx } from './transaction';

type Instance = typeof instances.$inferSelect;

export type StatusChange = { to: InstanceStatus; reason?: string | null; set?: Partial<Pick<Instance, 'releasedAt' | 'licenseId' | 'expiresAt'>> };

export function moveInstance(tx: Tx, instance: Pick<Instance, 'id' | 'status'>, change: StatusChange): void {
  const at = clock.now();
  tx.update(instances)
    .set({ status: change.to, statusReason: change.reason ?? null, ...change.set })
    .where(eq(instances.id, instance.id))
    .run();
  const wasRunning = instance.status === 'Running';
  const runs = change.to === 'Running';
  if (!wasRunning && runs) tx.insert(instanceRuns).values({ instanceId: instance.id, startedAt: at }).run();
  if (wasRunning && !runs) {
    tx.update(instanceRuns)
      .set({ endedAt: at })
      .where(and(eq(instanceRuns.instanceId, instance.id), isNull(instanceRuns.endedAt)))
      .run();
  }
}
