// The console's areas, in the order of the left navigation.

export type NavItem = { href: string; label: string };
export type NavGroup = { label: string; items: NavItem[] };

export const navGroups: NavGroup[] = [
  {
    label: 'compute',
    items: [
      { href: '/console/instances', label: 'instances' },
      { href: '/console/scaling', label: 'scaling' },
      { href: '/console/images', label: 'images' },
      { href: '/console/tasks', label: 'tasks' },
    ],
  },
  {
    label: 'marketplace',
    items: [
      { href: '/marketplace', label: 'browseMarketplace' },
      { href: '/console/licenses', label: 'licenses' },
      { href: '/console/orders', label: 'orders' },
    ],
  },
  {
    label: 'storageGroup',
    items: [
      { href: '/console/buckets', label: 'buckets' },
      { href: '/console/imports', label: 'imports' },
    ],
  },
  {
    label: 'accountGroup',
    items: [
      { href: '/console/billing', label: 'billing' },
      { href: '/console/access-keys', label: 'accessKeys' },
      { href: '/console/notifications', label: 'notifications' },
      { href: '/seller', label: 'sellerCentre' },
    ],
  },
];
