// The seller centre's areas, in the order of its navigation. An account that is not an approved
// seller sees only its application; a seller sees the rest (app/seller/(centre) enforces it).

export type SellerNavItem = { href: string; label: string; exact?: boolean };

export const sellerNavItems: SellerNavItem[] = [
  { href: '/seller', label: 'overview', exact: true },
  { href: '/seller/products', label: 'products' },
  { href: '/seller/keys', label: 'keys' },
  { href: '/seller/deliveries', label: 'deliveries' },
  { href: '/seller/settlement', label: 'settlement' },
];

export const applicantNavItems: SellerNavItem[] = [{ href: '/seller/apply', label: 'application' }];
