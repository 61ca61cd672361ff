// Asynchronous work on images (IMP-7): a task's states and how it advances.

export const taskStatuses = ['Waiting', 'Processing', 'Finished', 'Failed', 'Cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** A task still running: it can be cancelled, and its image is not ready yet. */
export const openTaskStatuses = ['Waiting', 'Processing'] as const satisfies readonly TaskStatus[];

export function isTaskOpen(status: string): boolean {
  return (openTaskStatuses as readonly string[]).includes(status);
}

/** Progress after one step: bigger disks take more steps (20 GiB → 5 steps, 100 GiB → 10). */
export function nextProgress(progress: number, sizeGib: number): number {
  const steps = Math.min(10, Math.max(5, Math.ceil(sizeGib / 10)));
  return Math.min(100, progress + Math.ceil(100 / steps));
}
