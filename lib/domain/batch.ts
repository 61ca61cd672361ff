// Batch actions on the console's lists (issue 16): what a batch would do, shown before it runs,
// and the rule for how many items one batch may name.
import { canApply, type InstanceStatus } from './instances';

export type InstanceBatchAction = 'start' | 'stop' | 'release';

/** A page of the console's lists is at most 100 rows; a batch names at most a page. */
export const MAX_BATCH = 100;

export type BatchInstance = { id: string; name: string; status: InstanceStatus; holdsLicense: boolean; subscription: boolean };

export type InstanceBatchPlan = {
  /** The instances the action applies to. */
  runs: BatchInstance[];
  /** The ones whose status does not allow it: left as they are, and named in the confirmation. */
  skipped: BatchInstance[];
  /** MKT-5: a release returns each held license to the account's pool. */
  licensesReturned: number;
  /** MKT-11: subscription instances released: their licenses return to the pool with their end dates. */
  subscriptions: number;
};

/** What a batch start, stop or release of these instances will do, as its confirmation lists it. */
export function planInstanceBatch(action: InstanceBatchAction, items: BatchInstance[]): InstanceBatchPlan {
  const runs = items.filter((i) => canApply(i.status, action));
  const releasing = action === 'release' ? runs : [];
  return {
    runs,
    skipped: items.filter((i) => !canApply(i.status, action)),
    licensesReturned: releasing.filter((i) => i.holdsLicense).length,
    subscriptions: releasing.filter((i) => i.subscription).length,
  };
}
