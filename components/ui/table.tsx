import type { ReactNode } from 'react';

export type Column = { label: string; align?: 'right' };

/**
 * The console's data table: a bordered card, a header row, and the caller's rows. A table wider
 * than the screen scrolls inside the card, which takes focus so a keyboard can scroll it too
 * (WCAG 2.1.1), also when no row holds a link.
 */
export function Table({ columns, children }: { columns: Column[]; children: ReactNode }) {
  return (
    <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-500">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th key={c.label} className={`px-4 py-3 ${c.align === 'right' ? 'text-right' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
