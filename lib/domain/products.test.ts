// The product lifecycle table (SEL-7, ADM-1, SEL-3, MKT-8).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloudError } from './errors';
import { productStatuses } from './marketplace';
import { applyProductAction, canApplyToProduct, productPermission, type ProductAction } from './products';

const actions: ProductAction[] = ['edit', 'submit', 'approve', 'reject', 'moveInterface', 'delist'];

describe('product lifecycle', () => {
  it('allows each action from exactly the statuses of the publishing flow', () => {
    const allowed = Object.fromEntries(actions.map((a) => [a, productStatuses.filter((s) => canApplyToProduct(s, a))]));
    expect(allowed).toEqual({
      edit: ['draft', 'rejected'],
      submit: ['draft', 'rejected'],
      approve: ['in_review'],
      reject: ['in_review'],
      moveInterface: ['listed'],
      delist: ['listed'],
    });
  });

  it('leads draft → in review → listed → delisted, and a rejected product back to review', () => {
    expect(applyProductAction('draft', 'submit')).toBe('in_review');
    expect(applyProductAction('in_review', 'approve')).toBe('listed');
    expect(applyProductAction('in_review', 'reject')).toBe('rejected');
    expect(applyProductAction('rejected', 'submit')).toBe('in_review');
    expect(applyProductAction('listed', 'moveInterface')).toBe('listed');
    expect(applyProductAction('listed', 'delist')).toBe('delisted');
    expect(applyProductAction('rejected', 'edit')).toBe('rejected');
  });

  it('refuses a forbidden action with IncorrectProductStatus naming the status', () => {
    try {
      applyProductAction('in_review', 'edit');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CloudError);
      expect(error).toMatchObject({ code: 'IncorrectProductStatus', params: { status: 'in_review' } });
    }
  });

  it('gives the seller its own actions and the admin the review', () => {
    expect(actions.map((a) => [a, productPermission(a)])).toEqual([
      ['edit', 'product.publish'],
      ['submit', 'product.publish'],
      ['approve', 'listing.review'],
      ['reject', 'listing.review'],
      ['moveInterface', 'product.publish'],
      ['delist', 'product.publish'],
    ]);
  });

  it('no sequence of actions brings a delisted product back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions)), (sequence) => {
        let status: string = 'delisted';
        for (const action of sequence) if (canApplyToProduct(status, action)) status = applyProductAction(status, action);
        expect(status).toBe('delisted');
      }),
    );
  });
});
