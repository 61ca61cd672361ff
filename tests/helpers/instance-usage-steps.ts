// The changes an instance row can go through, as fast-check steps: what the instance_usage
// triggers must follow (issue 13), on SQLite and on PostgreSQL (issue 15).
import fc from 'fast-check';

export const instanceStatuses = ['Pending', 'Running', 'Stopped', 'Frozen', 'Released'] as const;

/** Insert into one of 3 accounts, 2 regions and 4 types; change the status, type, region or account of a picked row; delete one. */
export const instanceStep = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), account: fc.nat(2), region: fc.nat(1), type: fc.nat(3), status: fc.constantFrom(...instanceStatuses) }),
  fc.record({ op: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...instanceStatuses) }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.nat(), type: fc.nat(3) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), region: fc.nat(1), account: fc.nat(2) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
);
