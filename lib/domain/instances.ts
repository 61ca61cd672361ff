// The instance lifecycle (product.md §2): which action is allowed from which status.
import { CloudError } from './errors';

export const instanceStatuses = ['Pending', 'Running', 'Stopped', 'Frozen', 'Released'] as const;
export type InstanceStatus = (typeof instanceStatuses)[number];

export type InstanceAction = 'boot' | 'start' | 'stop' | 'release' | 'replaceDisk' | 'reinitDisk';

const transitions: Record<InstanceAction, { from: readonly InstanceStatus[]; to: InstanceStatus }> = {
  boot: { from: ['Pending'], to: 'Running' },
  start: { from: ['Stopped'], to: 'Running' },
  stop: { from: ['Running'], to: 'Stopped' },
  // A frozen instance waits for the platform (ADM-2, MKT-11); the owner cannot release it.
  release: { from: ['Pending', 'Running', 'Stopped'], to: 'Released' },
  // Like Alibaba's ECS, a system disk is replaced or re-initialised only while the instance is stopped.
  replaceDisk: { from: ['Stopped'], to: 'Stopped' },
  reinitDisk: { from: ['Stopped'], to: 'Stopped' },
};

export function canApply(status: InstanceStatus, action: InstanceAction): boolean {
  return transitions[action].from.includes(status);
}

/** The status after the action, or IncorrectInstanceStatus naming the status that forbids it. */
export function applyAction(status: InstanceStatus, action: InstanceAction): InstanceStatus {
  if (!canApply(status, action)) throw new CloudError('IncorrectInstanceStatus', { status, action });
  return transitions[action].to;
}

/** The actions a person may take on an instance in this status (what the console offers). */
export function availableActions(status: InstanceStatus): InstanceAction[] {
  return (['start', 'stop', 'release'] as const).filter((action) => canApply(status, action));
}

/** Names of a batch: "web" launched 3 times is web-001, web-002, web-003 (like Alibaba's UniqueSuffix). */
export function batchNames(name: string, amount: number): string[] {
  if (amount === 1) return [name];
  const width = Math.max(3, String(amount).length);
  return Array.from({ length: amount }, (_, i) => `${name}-${String(i + 1).padStart(width, '0')}`);
}
