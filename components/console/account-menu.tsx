'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';

export function AccountMenu({ name, email, accountId, balance, isAdmin = false, signOutAction }: { name: string; email: string; accountId: string; balance: string; isAdmin?: boolean; signOutAction: () => Promise<void> }) {
  const t = useTranslations();
  const [, startTransition] = useTransition();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-3 rounded-md px-2 py-1 text-left text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500" data-testid="account-menu">
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
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-72 rounded-lg border border-slate-200 bg-white p-2 text-sm text-slate-800 shadow-lg">
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
