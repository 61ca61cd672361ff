'use client';

// The account button is drawn at once; Radix's dropdown (≈ 19 kB gzipped with its positioning)
// is fetched once the browser is idle and shown at the first click, so that it is not part of
// every console page's first-load JavaScript (issue 16). Until then the button looks the same.
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useState } from 'react';

const loadDropdown = () => import('./account-menu-dropdown');
const Dropdown = lazy(loadDropdown);

export type AccountMenuProps = { name: string; email: string; accountId: string; balance: string; isAdmin?: boolean; signOutAction: () => Promise<void> };

export const accountTriggerClass = 'flex items-center gap-3 rounded-md px-2 py-1 text-left text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500';

/** What the account button shows: the name and balance, and the initial. */
export function AccountFace({ name, balance }: { name: string; balance: string }) {
  const t = useTranslations();
  return (
    <>
      {/* Named by its visible text (WCAG 2.5.3); on a phone, where only the initial shows, by the name. */}
      <span className="sr-only sm:hidden">{name}</span>
      <span className="hidden text-right leading-tight sm:block">
        <span className="block text-slate-100">{name}</span>
        <span className="block text-xs text-slate-400" data-testid="wallet-balance">
          {t('shell.wallet')}: {balance}
        </span>
      </span>
      <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white" aria-hidden>
        {name.slice(0, 1).toUpperCase()}
      </span>
    </>
  );
}

export function AccountMenu(props: AccountMenuProps) {
  const [open, setOpen] = useState<false | 'pointer' | 'keyboard'>(false);
  // Fetched while the browser is idle, so that the first click opens the menu at once.
  useEffect(() => {
    const fetchIt = () => void loadDropdown();
    if (typeof requestIdleCallback !== 'function') return void setTimeout(fetchIt, 1000);
    const id = requestIdleCallback(fetchIt, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, []);
  const button = (
    <button
      type="button"
      className={accountTriggerClass}
      data-testid="account-menu"
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={(e) => setOpen(e.detail === 0 ? 'keyboard' : 'pointer')}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          setOpen('keyboard');
        }
      }}
    >
      <AccountFace name={props.name} balance={props.balance} />
    </button>
  );
  // The real menu replaces the button when it is first opened; Radix then moves the focus into it, and back to its own button on close.
  if (!open) return button;
  return (
    <Suspense fallback={button}>
      <Dropdown {...props} focusFirstItem={open === 'keyboard'} />
    </Suspense>
  );
}
