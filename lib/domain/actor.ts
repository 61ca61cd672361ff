// Who is calling. Every service takes the actor first and checks it (style.md).

export type Role = 'buyer' | 'seller' | 'admin';

export type Actor = {
  /** null for the platform itself (background jobs). */
  userId: string | null;
  accountId: string;
  roles: readonly Role[];
  /** Ties the audit row and any API answer to this one call. */
  requestId: string;
  /** The AccessKey an API call was signed with (audited with the call). */
  accessKeyId?: string;
};

/** Roles follow from facts: every signed-in account buys; approved accounts sell; operators administer. */
export function rolesOf(facts: { sellerStatus: string; isAdmin: boolean }): Role[] {
  const roles: Role[] = ['buyer'];
  if (facts.sellerStatus === 'approved') roles.push('seller');
  if (facts.isAdmin) roles.push('admin');
  return roles;
}

/** The platform acting on an account's behalf (jobs: boot, metering, expiry): no user, no role. */
export function platformActor(accountId: string, requestId: string): Actor {
  return { userId: null, accountId, roles: [], requestId };
}

/**
 * The platform carrying out an account's standing instruction (a scaling group's desired
 * capacity, MKT-9): it launches and releases as the account's buyer would, so every rule of a
 * launch (entitlements, balance, quotas, arrears) holds, and no user is named.
 */
export function standingActor(accountId: string, requestId: string): Actor {
  return { userId: null, accountId, roles: ['buyer'], requestId };
}
