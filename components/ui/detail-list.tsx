import type { ReactNode } from 'react';

export type Detail = [label: string, value: ReactNode];

/** A resource's facts on its detail page: label on the left, value on the right. */
export function DetailList({ fields }: { fields: Detail[] }) {
  return (
    <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {fields.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-4 px-5 py-3 text-sm">
          <dt className="text-slate-500">{label}</dt>
          <dd className="col-span-2 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
