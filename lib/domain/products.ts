// The product lifecycle (SEL-7, ADM-1, MKT-8, SEL-3): which action is allowed from which status,
// whose action it is, and the status it leads to. The services check every change here.
import { CloudError } from './errors';
import type { ProductStatus } from './marketplace';
import type { Permission } from './permissions';

export type ProductAction = 'edit' | 'submit' | 'approve' | 'reject' | 'moveInterface' | 'delist';

type Transition = { by: Permission; from: readonly ProductStatus[]; to?: ProductStatus };

/** `to` absent: the status stays as it is. */
const transitions: Record<ProductAction, Transition> = {
  // The seller works on a draft, and on a rejected product to submit it again.
  edit: { by: 'product.publish', from: ['draft', 'rejected'] },
  submit: { by: 'product.publish', from: ['draft', 'rejected'], to: 'in_review' },
  approve: { by: 'listing.review', from: ['in_review'], to: 'listed' },
  reject: { by: 'listing.review', from: ['in_review'], to: 'rejected' },
  // SEL-3: a listed product's interface may move without a new review.
  moveInterface: { by: 'product.publish', from: ['listed'] },
  // MKT-8: off the marketplace for good; bought licenses keep working.
  delist: { by: 'product.publish', from: ['listed'], to: 'delisted' },
};

/** The permission an action needs (sellers act on their own products, admins review). */
export function productPermission(action: ProductAction): Permission {
  return transitions[action].by;
}

export function canApplyToProduct(status: string, action: ProductAction): boolean {
  return transitions[action].from.some((s) => s === status);
}

/** The status after the action, or IncorrectProductStatus naming the status that forbids it. */
export function applyProductAction(status: string, action: ProductAction): ProductStatus {
  if (!canApplyToProduct(status, action)) throw new CloudError('IncorrectProductStatus', { status });
  return transitions[action].to ?? (status as ProductStatus);
}
