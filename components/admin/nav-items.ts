// The admin console's areas, in the order of its navigation. `count` names a queue whose
// pending total the layout shows as a badge.

export type AdminCount = 'refunds' | 'listings' | 'sellerApplications';
export type AdminNavItem = { href: string; label: string; count?: AdminCount };
export type AdminNavGroup = { label: string; items: AdminNavItem[] };

export const adminNavGroups: AdminNavGroup[] = [
  {
    label: 'review',
    items: [
      { href: '/admin/seller-applications', label: 'sellerApplications', count: 'sellerApplications' },
      { href: '/admin/listings', label: 'listings', count: 'listings' },
      { href: '/admin/refunds', label: 'refunds', count: 'refunds' },
    ],
  },
  {
    label: 'operations',
    items: [
      { href: '/admin/accounts', label: 'accounts' },
      { href: '/admin/instances', label: 'instances' },
      { href: '/admin/audit', label: 'audit' },
    ],
  },
  {
    label: 'platform',
    items: [{ href: '/admin/settings', label: 'settings' }],
  },
];
