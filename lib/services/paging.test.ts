// Issue 12, paging validated everywhere (API-4): every list a console page or the API calls
// refuses a page that is not a whole number in range, instead of a database error or every row.
import { describe, expect, it } from 'vitest';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { listAudit } from './audit';
import { listDeliveries } from './deliveries';
import { listAllInstances } from './freezes';
import { describeImages, describeTasks } from './images';
import { describeInstances } from './instances';
import { listOrders } from './orders';
import { searchProducts } from './marketplace';
import { listNotifications } from './notifications';
import { listListingReviews } from './listing-review';
import { listRefundRequests } from './refunds';
import { listApplications } from './seller-applications';
import { walletEntries } from './wallet';

throwawayDatabase();

type List = (paging: { page?: unknown; pageSize?: unknown }) => { items: unknown[]; page: number; pageSize: number };

function lists(): [string, List][] {
  const buyer = newBuyer();
  const as = (...roles: Actor['roles']): Actor => ({ ...buyer, roles, requestId: newRequestId() });
  return [
    ['listAudit', (p) => listAudit(as('admin'), p)],
    ['listDeliveries', (p) => listDeliveries(as('seller'), p)],
    ['listAllInstances', (p) => listAllInstances(as('admin'), p)],
    ['describeImages', (p) => describeImages(buyer, { regionId: 'cn-hangzhou', ...p })],
    ['describeTasks', (p) => describeTasks(buyer, p)],
    ['describeInstances', (p) => describeInstances(buyer, p)],
    ['listOrders', (p) => listOrders(buyer, p)],
    ['searchProducts', (p) => searchProducts(p)],
    ['listNotifications', (p) => listNotifications(buyer, p)],
    ['listListingReviews', (p) => listListingReviews(as('admin'), p)],
    ['listRefundRequests', (p) => listRefundRequests(as('admin'), p)],
    ['listApplications', (p) => listApplications(as('admin'), p)],
    ['walletEntries', (p) => walletEntries(buyer, p)],
  ];
}

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (error) {
    return error instanceof CloudError ? error.code : String(error);
  }
};

describe('every list pages by the one rule (issue 12)', () => {
  it('refuses fractions, negatives, zero, huge and non-numbers for PageSize and PageNumber', () => {
    for (const [name, list] of lists()) {
      for (const pageSize of [2.5, -1, 0, 1e9, '2.5', 'x']) expect([name, codeOf(() => list({ pageSize }))]).toEqual([name, 'InvalidPageSize.Malformed']);
      for (const page of [2.5, -1, 0, 1e20, '1e400', 'x']) expect([name, codeOf(() => list({ page }))]).toEqual([name, 'InvalidPageNumber.Malformed']);
    }
  });

  it('takes a page in range and a far page answers empty', () => {
    for (const [name, list] of lists()) {
      expect([name, list({ page: '1', pageSize: '5' })]).toMatchObject([name, { page: 1, pageSize: 5 }]);
      expect([name, list({ page: 1_000_000, pageSize: 60 }).items]).toEqual([name, []]);
    }
  });
});
