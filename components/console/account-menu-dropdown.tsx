'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useTransition } from 'react';
import { AccountFace, accountTriggerClass, type AccountMenuProps } from './account-menu';

/** Radix's dropdown menu, shown open by ./account-menu.tsx when its button is first used; from the keyboard, on its first item, as Radix does. */
export default function AccountDropdown({ name, email, accountId, balance, isAdmin = false, signOutAction, focusFirstItem }: AccountMenuProps & { focusFirstItem: boolean }) {
  const t = useTranslations();
  const [, startTransition] = useTransition();
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusFirstItem) return;
    const id = requestAnimationFrame(() => content.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    return () => cancelAnimationFrame(id);
  }, [focusFirstItem]);
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger className={accountTriggerClass} data-testid="account-menu">
        <AccountFace name={name} balance={balance} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          ref={content} className="z-50 w-72 rounded-lg border border-slate-200 bg-white p-2 text-sm text-slate-800 shadow-lg">
          <div className="space-y-1 px-2 py-2">
            <p className="font-medium">{name}</p>
            <p className="text-slate-500">{email}</p>
            <p className="text-slate-500">
              {t('shell.accountId')}: <code className="text-slate-700">{accountId}</code>
            </p>
            <p className="text-slate-500">
              {t('shell.wallet')}: <span className="font-medium text-slate-800">{balance}</span>
            </p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          {isAdmin && (
            <DropdownMenu.Item asChild className="block cursor-pointer rounded-md px-2 py-2 outline-none hover:bg-slate-100 data-[highlighted]:bg-slate-100">
              <Link href="/admin">{t('shell.adminConsole')}</Link>
            </DropdownMenu.Item>
          )}
          {/* Called directly: a form inside the menu would be unmounted before it submits. */}
          <DropdownMenu.Item
            onSelect={() => startTransition(() => signOutAction())}
            className="cursor-pointer rounded-md px-2 py-2 outline-none hover:bg-slate-100 data-[highlighted]:bg-slate-100"
          >
            {t('common.signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
