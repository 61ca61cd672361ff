// Sharing custom images (SHR-1 … SHR-4, SHR-10): what one ModifyImageSharePermission call may
// change, decided from facts the service loads. Explicit errors, never a silent drop (SHR-2).
import { CloudError } from './errors';
import type { ImageOwnerAlias } from './images';

/** SHR-2: at most 10 accounts added and 10 removed per call. */
export const MAX_ACCOUNTS_PER_CALL = 10;


export type ShareFacts = {
  /** How the image looks to the caller; only 'self' may be shared (SHR-1). */
  alias: ImageOwnerAlias;
  callerAccountId: string;
  /** Accounts the image is shared with now. */
  current: readonly string[];
  /** Shares the caller made today (SHR-4). */
  sharesToday: number;
  maxRecipients: number;
  maxSharesPerDay: number;
};

export type ShareChange = { add: string[]; remove: string[]; alreadyShared: string[]; notShared: string[] };

/** SHR-1 and SHR-2, on the request as given, before any account is looked up. */
export function checkShareRequest(alias: ImageOwnerAlias, add: readonly string[], remove: readonly string[]): void {
  if (alias !== 'self') throw new CloudError('InvalidImage.NotShareable', { alias }, 'imageId');
  if (add.length > MAX_ACCOUNTS_PER_CALL) throw new CloudError('InvalidAccount.Malformed', { which: 'add', count: add.length, max: MAX_ACCOUNTS_PER_CALL }, 'addAccounts');
  if (remove.length > MAX_ACCOUNTS_PER_CALL) throw new CloudError('InvalidAccount.Malformed', { which: 'remove', count: remove.length, max: MAX_ACCOUNTS_PER_CALL }, 'removeAccounts');
}

/**
 * Checks one call's resolved account ids against the rules and says what changes. Adding an
 * account that already has the image, or removing one that does not, changes nothing and is
 * reported back rather than counted.
 */
export function decideShareChange(facts: ShareFacts, add: readonly string[], remove: readonly string[]): ShareChange {
  checkShareRequest(facts.alias, add, remove);
  const adding = [...new Set(add)];
  const removing = [...new Set(remove)];
  if (adding.includes(facts.callerAccountId)) throw new CloudError('InvalidAccount.Self', {}, 'addAccounts');
  const both = adding.find((id) => removing.includes(id));
  if (both) throw new CloudError('InvalidParameter.AddAndRemove', { account: both }, 'addAccounts');

  const current = new Set(facts.current);
  const change: ShareChange = {
    add: adding.filter((id) => !current.has(id)),
    remove: removing.filter((id) => current.has(id)),
    alreadyShared: adding.filter((id) => current.has(id)),
    notShared: removing.filter((id) => !current.has(id)),
  };
  const after = current.size + change.add.length - change.remove.length;
  if (after > facts.maxRecipients) throw new CloudError('QuotaExceed.ShareImageUser', { max: facts.maxRecipients, current: current.size, adding: change.add.length }, 'addAccounts');
  if (facts.sharesToday + change.add.length > facts.maxSharesPerDay) {
    throw new CloudError('QuotaExceed.ShareImageDaily', { max: facts.maxSharesPerDay, left: Math.max(0, facts.maxSharesPerDay - facts.sharesToday) }, 'addAccounts');
  }
  return change;
}
