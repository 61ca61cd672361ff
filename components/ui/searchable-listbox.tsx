'use client';

// A long list to choose one item from (the 61 images of Replace system disk): a search box that
// filters the list as the user types, and the list itself, grouped. The WAI-ARIA combobox
// pattern with an always-open listbox: focus stays in the search box, the arrow keys move
// through the options (aria-activedescendant), Enter picks one; a click picks one too.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { inputClass } from './field';

/** `detail`: a second line (the id when absent); `keywords`: more words the search matches (a product code). */
export type ListOption = { id: string; label: string; group: string; detail?: string; keywords?: string };

export function SearchableListbox({ label, options, groups, value, onChange, query, onQueryChange, placeholder, empty, footer }: {
  label: string;
  options: readonly ListOption[];
  /** The groups in the order shown, with their headings. */
  groups: readonly { key: string; label: string }[];
  value: string;
  onChange: (id: string) => void;
  query: string;
  onQueryChange: (query: string) => void;
  placeholder?: string;
  /** Shown when nothing matches. */
  empty: string;
  /** Under the list: e.g. a button that loads more. */
  footer?: ReactNode;
}) {
  const id = useId();
  const words = query.trim().toLowerCase();
  const shown = groups
    .map((g) => ({ ...g, items: options.filter((o) => o.group === g.key && (!words || `${o.label} ${o.id} ${o.detail ?? ''} ${o.keywords ?? ''}`.toLowerCase().includes(words))) }))
    .filter((g) => g.items.length > 0);
  const flat = shown.flatMap((g) => g.items);
  const [active, setActive] = useState<string>();
  const activeId = flat.some((o) => o.id === active) ? active : flat.some((o) => o.id === value) ? value : flat[0]?.id;
  const optionId = (optionKey: string) => `${id}-option-${optionKey}`;

  // Home and End stay the search box's own (the caret), as the combobox pattern has it.
  const move = (by: number) => {
    if (flat.length === 0) return;
    const at = flat.findIndex((o) => o.id === activeId);
    const next = Math.min(flat.length - 1, Math.max(0, at + by));
    setActive(flat[next].id);
    globalThis.document?.getElementById(optionId(flat[next].id))?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(8),
      PageUp: () => move(-8),
      Enter: () => activeId && onChange(activeId),
    };
    const handle = Object.hasOwn(keys, event.key) ? keys[event.key] : undefined;
    if (!handle) return;
    event.preventDefault();
    handle();
  };

  return (
    <div className="space-y-1.5 text-sm">
      <label htmlFor={`${id}-search`} className="block font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeId ? optionId(activeId) : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => onQueryChange(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        className={inputClass}
      />
      <div id={`${id}-list`} role="listbox" aria-label={label} className="max-h-72 overflow-y-auto rounded-md border border-slate-200" data-testid="image-picker">
        {shown.length === 0 && <p className="px-3 py-2 text-slate-500">{empty}</p>}
        {shown.map((g) => (
          <div key={g.key} role="group" aria-labelledby={`${id}-group-${g.key}`}>
            <div id={`${id}-group-${g.key}`} role="presentation" className="sticky top-0 bg-slate-50 px-3 py-1 text-xs font-semibold text-slate-600">
              {g.label}
            </div>
            {g.items.map((o) => (
              <div
                key={o.id}
                id={optionId(o.id)}
                role="option"
                aria-selected={o.id === value}
                onMouseDown={(e) => e.preventDefault() /* focus stays in the search box */}
                onClick={() => onChange(o.id)}
                className={`flex cursor-pointer gap-2 px-3 py-1.5 ${o.id === activeId ? 'bg-brand-50' : ''} ${o.id === value ? 'text-brand-700' : 'text-slate-800'}`}
              >
                <span aria-hidden className="w-3 shrink-0">
                  {o.id === value ? '✓' : ''}
                </span>
                <span className="min-w-0">
                  <span className={`block break-words ${o.id === value ? 'font-medium' : ''}`}>{o.label}</span>
                  <span className="block font-mono text-xs text-slate-500">{o.detail ?? o.id}</span>
                </span>
              </div>
            ))}
          </div>
        ))}
      </div>
      {footer}
    </div>
  );
}
