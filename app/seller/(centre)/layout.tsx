import type { ReactNode } from 'react';
import { requireSeller } from '../require-seller';

/** Everything in the seller centre but the application is for approved sellers only. */
export default async function SellerOnlyLayout({ children }: { children: ReactNode }) {
  await requireSeller();
  return children;
}
