// The console's areas, in the order of the left navigation. Areas not built yet render an
// honest "on its way" page (app/console/[area]).

export type NavItem = { href: string; label: string; built: boolean };
export type NavGroup = { label: string; items: NavItem[] };

export const navGroups: NavGroup[] = [
  {
    label: 'compute',
    items: [
      { href: '/console/instances', label: 'instances', built: true },
      { href: '/console/images', label: 'images', built: true },
      { href: '/console/tasks', label: 'tasks', built: true },
    ],
  },
  {
    label: 'marketplace',
    items: [
      { href: '/marketplace', label: 'browseMarketplace', built: true },
      { href: '/console/licenses', label: 'licenses', built: true },
      { href: '/console/orders', label: 'orders', built: true },
    ],
  },
  {
    label: 'storageGroup',
    items: [
      { href: '/console/buckets', label: 'buckets', built: true },
      { href: '/console/imports', label: 'imports', built: true },
    ],
  },
  {
    label: 'accountGroup',
    items: [
      { href: '/console/billing', label: 'billing', built: true },
      { href: '/console/access-keys', label: 'accessKeys', built: true },
      { href: '/console/notifications', label: 'notifications', built: true },
    ],
  },
];

/** The label of an area not built yet, by its URL segment; undefined for anything else. */
export function comingArea(segment: string): string | undefined {
  return navGroups.flatMap((g) => g.items).find((i) => !i.built && i.href === `/console/${segment}`)?.label;
}
