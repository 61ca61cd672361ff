// A small column chart drawn as SVG on the server: no chart library, readable without script.
// Each column carries a <title>, so hovering (or a screen reader) gives the exact value.

export type Column = { key: string; label: string; value: number; valueLabel: string };

export function ColumnChart({ columns, caption, height = 160 }: { columns: Column[]; caption: string; height?: number }) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  const width = 100 / Math.max(1, columns.length);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="h-40 w-full" role="img" aria-label={caption}>
        <line x1="0" x2="100" y1={height - 0.5} y2={height - 0.5} className="stroke-slate-300" strokeWidth="0.5" vectorEffect="non-scaling-stroke" />
        {columns.map((c, i) => {
          const h = c.value > 0 ? Math.max(2, (c.value / max) * (height - 8)) : 0;
          return (
            <rect key={c.key} x={i * width + width * 0.15} width={width * 0.7} y={height - h} height={h} rx="0.6" className="fill-brand-500 hover:fill-brand-700">
              <title>{`${c.label}: ${c.valueLabel}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="flex justify-between text-xs text-slate-500">
        <span>{columns[0]?.label}</span>
        <span>{columns.at(-1)?.label}</span>
      </div>
      <figcaption className="sr-only">{caption}</figcaption>
    </figure>
  );
}

/** Horizontal bars with their labels and values, largest first. */
export function BarList({ rows }: { rows: { key: string; label: string; value: number; valueLabel: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="space-y-2.5">
      {rows.map((r) => (
        <li key={r.key} className="space-y-1 text-sm">
          <div className="flex justify-between gap-4">
            <span className="truncate text-slate-700">{r.label}</span>
            <span className="font-medium whitespace-nowrap">{r.valueLabel}</span>
          </div>
          <div className="h-2 rounded-full bg-slate-100">
            <div className="h-2 rounded-full bg-brand-500" style={{ width: `${Math.max(1, (Math.max(0, r.value) / max) * 100)}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
