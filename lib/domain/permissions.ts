// Who may do what, as one table the services consult (style.md: permissions as data).
// Ownership (which account's thing) is checked separately, by loading only the caller's rows.
import { CloudError } from './errors';
import type { Actor, Role } from './actor';

export const permissions = {
  'instance.run': ['buyer'],
  'instance.describe': ['buyer'],
  'instance.start': ['buyer'],
  'instance.stop': ['buyer'],
  'instance.release': ['buyer'],
  'image.describe': ['buyer'],
  'account.preferences': ['buyer'],
  'wallet.read': ['buyer'],
  'wallet.topUp': ['buyer'],
  'license.buy': ['buyer'],
  'license.read': ['buyer'],
  'order.read': ['buyer'],
  'image.create': ['buyer'],
  'image.copy': ['buyer'],
  'image.delete': ['buyer'],
  // Issue 17: an image's family and deprecation
  'image.modify': ['buyer'],
  'task.read': ['buyer'],
  'image.share': ['buyer'],
  'notification.read': ['buyer'],
  'storage.read': ['buyer'],
  'storage.write': ['buyer'],
  'image.import': ['buyer'],
  'task.cancel': ['buyer'],
  'accessKey.manage': ['buyer'],
  'instance.replaceDisk': ['buyer'],
  'instance.reinitDisk': ['buyer'],
  'instance.renew': ['buyer'],
  // Issue 16: ModifyInstanceAttribute (a new name)
  'instance.modify': ['buyer'],
  'refund.request': ['buyer'],
  'invoice.manage': ['buyer'],
  // MKT-9 scaling groups
  'scaling.read': ['buyer'],
  'scaling.manage': ['buyer'],
  // Sellers (SEL-2 … SEL-7)
  'sellerKey.manage': ['seller'],
  'delivery.read': ['seller'],
  // Issue 18: a seller's orders, licenses and the instances running its images (the Marketplace API's ISV actions)
  'sale.read': ['seller'],
  'product.publish': ['seller'],
  'seller.apply': ['buyer'],
  'settlement.read': ['seller'],
  // The platform operator (ADM-1 … ADM-4)
  'seller.review': ['admin'],
  'refund.review': ['admin'],
  'instance.freeze': ['admin'],
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'listing.review': ['admin'],
  // Issue 12: credit or debit an account's wallet by hand, with a reason (and look the account up)
  'wallet.adjust': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

export function authorize(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!can(actor, permission)) throw new CloudError('Forbidden');
}
