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

type List = (paging: { page?: unknown; pageSize?: unknown }) => Promise<{ items: unknown[]; page: number; pageSize: number }>;

async function lists(): Promise<[string, List][]> {
  const buyer = await newBuyer();
  const as = (...roles: Actor['roles']): Actor => ({ ...buyer, roles, requestId: newRequestId() });
  return [
    ['listAudit', async (p) => await listAudit(as('admin'), p)],
    ['listDeliveries', async (p) => await listDeliveries(as('seller'), p)],
    ['listAllInstances', async (p) => await listAllInstances(as('admin'), p)],
    ['describeImages', async (p) => await describeImages(buyer, { regionId: 'cn-hangzhou', ...p })],
    ['describeTasks', async (p) => await describeTasks(buyer, p)],
    ['describeInstances', async (p) => await describeInstances(buyer, p)],
    ['listOrders', async (p) => await listOrders(buyer, p)],
    ['searchProducts', async (p) => await searchProducts(p)],
    ['listNotifications', async (p) => await listNotifications(buyer, p)],
    ['listListingReviews', async (p) => await listListingReviews(as('admin'), p)],
    ['listRefundRequests', async (p) => await listRefundRequests(as('admin'), p)],
    ['listApplications', async (p) => await listApplications(as('admin'), p)],
    ['walletEntries', async (p) => await walletEntries(buyer, p)],
  ];
}

const codeOf = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (error) {
    return error instanceof CloudError ? error.code : String(error);
  }
};

describe('every list pages by the one rule (issue 12)', () => {
  it('refuses fractions, negatives, zero, huge and non-numbers for PageSize and PageNumber', async () => {
    for (const [name, list] of await lists()) {
      for (const pageSize of [2.5, -1, 0, 1e9, '2.5', 'x']) expect([name, await codeOf(() => list({ pageSize }))]).toEqual([name, 'InvalidPageSize.Malformed']);
      for (const page of [2.5, -1, 0, 1e20, '1e400', 'x']) expect([name, await codeOf(() => list({ page }))]).toEqual([name, 'InvalidPageNumber.Malformed']);
    }
  });

  it('takes a page in range and a far page answers empty', async () => {
    for (const [name, list] of await lists()) {
      expect([name, await list({ page: '1', pageSize: '5' })]).toMatchObject([name, { page: 1, pageSize: 5 }]);
      expect([name, (await list({ page: 1_000_000, pageSize: 60 })).items]).toEqual([name, []]);
    }
  });
});
