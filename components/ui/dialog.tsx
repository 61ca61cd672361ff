'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { focusPath, returnFocus } from './return-focus';

/**
 * A modal dialog with a title, a description and whatever body and buttons the caller gives.
 * Closing puts focus back on the control that opened it, or near it when it is gone.
 */
export function Dialog({ open, onOpenChange, trigger, title, description, children }: { open: boolean; onOpenChange: (open: boolean) => void; trigger: ReactNode; title: string; description?: ReactNode; children: ReactNode }) {
  const opener = useRef<HTMLElement[]>([]);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <RadixDialog.Content
          // Called before focus moves in: the active element is still the opener.
          onOpenAutoFocus={() => (opener.current = focusPath(document.activeElement))}
          onCloseAutoFocus={(event) => (event.preventDefault(), returnFocus(opener.current))}
          className="fixed top-[8vh] left-1/2 z-50 max-h-[84vh] w-[32rem] max-w-[92vw] overflow-y-auto sm:top-1/4 sm:max-h-[70vh] -translate-x-1/2 rounded-lg bg-white p-6 whitespace-normal shadow-xl">
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="mt-2 text-sm text-slate-600">{description}</RadixDialog.Description> : <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>}
          <div className="mt-5">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export const DialogClose = RadixDialog.Close;
