'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from 'sonner';

/** Copies a resource id or a secret to the clipboard (issue 16), says so in a toast and in its own label for a moment. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations('copy');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(t('copied', { label }));
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error(t('failed'));
    }
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={copied ? t('copied', { label }) : t('copy', { label })}
      title={t('copy', { label })}
      className="inline-flex size-6 shrink-0 items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      {copied ? (
        <svg viewBox="0 0 20 20" className="size-3.5 text-emerald-600" fill="currentColor" aria-hidden>
          <path d="M7.6 13.2 4.4 10l-1.2 1.2 4.4 4.4 9.2-9.2-1.2-1.2z" />
        </svg>
      ) : (
        <svg viewBox="0 0 20 20" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden>
          <rect x="7" y="7" width="10" height="10" rx="1.5" />
          <path d="M13 4.5V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h.5" />
        </svg>
      )}
    </button>
  );
}

/** A resource id in monospace with its copy button. */
export function CopyableId({ id, label, className = '' }: { id: string; label: string; className?: string }) {
  return (
    <span className={`inline-flex max-w-full items-center gap-1 font-mono text-xs text-slate-500 ${className}`}>
      <span className="truncate">{id}</span>
      <CopyButton value={id} label={label} />
    </span>
  );
}
