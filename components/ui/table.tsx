import Link from 'next/link';
import type { ReactNode } from 'react';
import { listHref } from './list-href';

/** A column; with `sort` its header links to the list sorted by it (issue 16). */
export type Column = { label: ReactNode; align?: 'right'; sort?: string; className?: string };

/** The list's current sort ("name" / "-name") and the other search parameters its links keep. */
export type Sorting = { current: string; params: Record<string, string | undefined> };

/**
 * The console's data table: a bordered card, a header row, and the caller's rows. It scrolls
 * inside its own box when the screen is narrower than its columns; `fixed` lays the columns out
 * by their widths so a long name is truncated instead of widening the table. The box takes focus
 * so a keyboard can scroll it too (WCAG 2.1.1), also when no row holds a link.
 */
export function Table({ columns, sorting, fixed, children }: { columns: Column[]; sorting?: Sorting; fixed?: boolean; children: ReactNode }) {
  return (
    <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-500">
      <table className={`w-full text-left text-sm ${fixed ? 'min-w-[60rem] table-fixed' : ''}`}>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c, i) => (
              <Header key={i} column={c} sorting={sorting} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

function Header({ column: c, sorting }: { column: Column; sorting?: Sorting }) {
  const className = `px-4 py-3 ${c.align === 'right' ? 'text-right' : ''} ${c.className ?? ''}`;
  if (!c.sort || !sorting) return <th className={className}>{c.label}</th>;
  const active = sorting.current === c.sort || sorting.current === `-${c.sort}`;
  const descending = sorting.current === `-${c.sort}`;
  // The first click sorts ascending; a click on the active ascending column reverses it.
  const next = active && !descending ? `-${c.sort}` : c.sort;
  return (
    <th className={className} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
      <Link href={listHref({ ...sorting.params, sort: next })} className={`inline-flex items-center gap-1 uppercase hover:text-slate-800 ${active ? 'text-slate-800' : ''}`}>
        {c.label}
        <span aria-hidden className={active ? '' : 'text-slate-300'}>
          {active && descending ? '↓' : '↑'}
        </span>
      </Link>
    </th>
  );
}

/**
 * A long name cut to its column (issue 16): the full name on hover (with title) and, when the
 * link has the keyboard's focus, written out in full on as many lines as it takes.
 */
export const truncatedLink = 'block truncate focus-visible:whitespace-normal focus-visible:break-all';
