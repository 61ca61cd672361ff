// The audit log's filters as they come from the URL: anything malformed is dropped, not an error.

export type AuditFilter = { accountId?: string; action?: string; target?: string; requestId?: string; outcome?: 'ok' | 'error'; from?: string; to?: string };

type SearchParams = Record<string, string | string[] | undefined>;

const text = (value: string | undefined, max: number) => value?.trim().slice(0, max) || undefined;
/** A real calendar day (2025-02-30 is not one), as YYYY-MM-DD. */
function day(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

export function auditFilterOf(params: SearchParams): AuditFilter {
  // A parameter given twice arrives as an array: the first one counts.
  const search = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return {
    accountId: text(search.accountId, 32),
    action: text(search.action, 64),
    target: text(search.target, 128),
    requestId: text(search.requestId, 64),
    outcome: search.outcome === 'ok' || search.outcome === 'error' ? search.outcome : undefined,
    from: day(search.from),
    to: day(search.to),
  };
}
