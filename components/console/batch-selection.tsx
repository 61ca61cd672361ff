'use client';
// The rows a batch action applies to (issue 16): checkboxes in a server-rendered table share
// one selection through this context; changing page (other ids) starts a new selection.
import { useTranslations } from 'next-intl';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

type Selection = { ids: string[]; selected: string[]; toggle: (id: string, on: boolean) => void; setAll: (on: boolean) => void; clear: () => void };

const SelectionContext = createContext<Selection | null>(null);

export function BatchSelection({ ids, children }: { ids: string[]; children: ReactNode }) {
  const [chosen, setChosen] = useState<{ page: string; ids: Set<string> }>({ page: '', ids: new Set() });
  const page = ids.join(' ');
  const value = useMemo<Selection>(() => {
    const current = chosen.page === page ? chosen.ids : new Set<string>();
    const set = (next: Set<string>) => setChosen({ page, ids: next });
    return {
      ids,
      selected: ids.filter((id) => current.has(id)),
      toggle: (id, on) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        set(next);
      },
      setAll: (on) => set(new Set(on ? ids : [])),
      clear: () => set(new Set()),
    };
  }, [chosen, ids, page]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('useSelection outside BatchSelection');
  return selection;
}

const box = 'size-4 rounded border-slate-300 accent-brand-600';

export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const t = useTranslations('lists');
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className={box} aria-label={t('selectRow', { name })} checked={selected.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />;
}

export function SelectAllCheckbox() {
  const t = useTranslations('lists');
  const { ids, selected, setAll } = useSelection();
  const all = ids.length > 0 && selected.length === ids.length;
  return (
    <input
      type="checkbox"
      className={box}
      aria-label={t('selectAll')}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = selected.length > 0 && !all;
      }}
      onChange={(e) => setAll(e.target.checked)}
    />
  );
}
