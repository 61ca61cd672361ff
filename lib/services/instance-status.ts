// Every change of an instance's status goes through here, so hourly metering (MKT-10) sees
// each stretch of Running time: entering Running opens a run, leaving it closes the run.
import { preparedStatement } from '../../db/prepared';
import { eq } from 'drizzle-orm';
import { instances } from '../../db/schema';
import { clock } from '../clock';
import type { InstanceStatus } from '../domain/instances';
import type { Tx } from './transaction';

type Instance = typeof instances.$inferSelect;

export type StatusChange = { to: InstanceStatus; reason?: string | null; set?: Partial<Pick<Instance, 'releasedAt' | 'licenseId' | 'expiresAt'>> };

export async function moveInstance(tx: Tx, instance: Pick<Instance, 'id' | 'status'>, change: StatusChange): Promise<void> {
  const at = clock.now();
  // The plain move (the boot job's, thousands a second) runs prepared statements; one that sets more builds its UPDATE.
  if (change.set) {
    await tx.update(instances)
      .set({ status: change.to, statusReason: change.reason ?? null, ...change.set })
      .where(eq(instances.id, instance.id));
  } else {
    await preparedStatement('UPDATE instances SET status = ?, status_reason = ? WHERE id = ?').run(change.to, change.reason ?? null, instance.id);
  }
  const wasRunning = instance.status === 'Running';
  const runs = change.to === 'Running';
  if (!wasRunning && runs) await preparedStatement('INSERT INTO instance_runs (instance_id, started_at) VALUES (?, ?)').run(instance.id, at);
  if (wasRunning && !runs) await preparedStatement('UPDATE instance_runs SET ended_at = ? WHERE instance_id = ? AND ended_at IS NULL').run(at, instance.id);
}
