import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** One thing a reviewer decides on. `tone` marks whether it passes its rule; facts without a rule have none. */
export type Fact = { label: string; value: ReactNode; note?: ReactNode; tone?: 'good' | 'bad'; rule?: string; wide?: boolean };

function Marker({ tone }: { tone: 'good' | 'bad' }) {
  const t = useTranslations('admin.queue');
  return (
    <span className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full text-white ${tone === 'good' ? 'bg-emerald-500' : 'bg-red-500'}`}>
      <svg viewBox="0 0 16 16" className="size-3" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" aria-hidden>
        {tone === 'good' ? <path d="M4 8.5l2.5 2.5L12 5.5" /> : <path d="M5 5l6 6M11 5l-6 6" />}
      </svg>
      <span className="sr-only">{t(tone === 'good' ? 'passes' : 'fails')}</span>
    </span>
  );
}

const grids = { 3: 'sm:grid-cols-2 xl:grid-cols-3', 4: 'sm:grid-cols-2 xl:grid-cols-4' };

export function FactList({ facts, columns = 3 }: { facts: Fact[]; columns?: 3 | 4 }) {
  return (
    <dl className={`grid gap-x-6 gap-y-2 ${grids[columns]}`}>
      {facts.map((fact) => (
        <div key={fact.label} data-fact={fact.rule} data-tone={fact.tone} className={`rounded-md px-2 py-1.5 ${fact.wide ? 'col-span-full' : ''} ${fact.tone === 'bad' ? 'bg-red-50 ring-1 ring-red-100 ring-inset' : ''}`}>
          <dt className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
            {fact.label}
          </dt>
          <dd className="mt-0.5 flex items-start gap-1.5 text-sm text-slate-900">
            {fact.tone && <Marker tone={fact.tone} />}
            <div className="min-w-0">
              <div className="break-words">{fact.value}</div>
              {fact.note && <p className="text-xs text-slate-500">{fact.note}</p>}
            </div>
          </dd>
        </div>
      ))}
    </dl>
  );
}
