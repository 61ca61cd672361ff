// Issue 16 ("a toast after every action that changes something, success or refusal"): every
// client component that calls a server action which changes something says how it ended in a
// toast — itself (toastResult, useResultToast, toastBatch, toast.*), through useFormAction, or
// by handing the call to ConfirmButton, which toasts. Only reads and navigation are exempt.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Server actions that change nothing the user is told about: reads, polls, previews, and choices whose page changes visibly. */
const changesNothing = new Set(['pendingCountAction', 'taskStatesAction', 'quoteAction', 'previewAction', 'marketplacePageAction', 'renewQuoteAction', 'debugAction', 'setRegionAction', 'setLocaleAction', 'signOutAction']);

const toasts = /toastResult|useResultToast|useFormAction|toastBatch|toast\.(success|error)|<ConfirmButton\b/;

function clientComponents(): [string, string][] {
  return readdirSync(path.join(root, 'components'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file): [string, string] => [path.relative(root, file), readFileSync(file, 'utf8')])
    .filter(([, text]) => text.startsWith("'use client'"));
}

describe('issue 16: an action that changes something ends in a toast', () => {
  const files = clientComponents();

  it('finds the client components', () => expect(files.length).toBeGreaterThan(40));

  it('every component calling such an action (or running one through useActionState) toasts', () => {
    const silent = files.flatMap(([file, text]) => {
      const called = [...text.matchAll(/\b([a-z]\w*Action)\(/g)].map((m) => m[1]).filter((name) => !changesNothing.has(name));
      const runsActionState = /\buseActionState\(/.test(text) && !file.endsWith('use-form-action.ts');
      return (called.length > 0 || runsActionState) && !toasts.test(text) ? [`${file}: ${[...new Set(called)].join(', ') || 'useActionState'}`] : [];
    });
    expect(silent).toEqual([]);
  });
});
