import type { Category } from '@/lib/domain/marketplace';

// Simple line icons, one per category (24×24, drawn with the current colour).
const paths: Record<Category, string> = {
  web: 'M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9M12 3c-2.5 2.7-3.8 5.7-3.8 9s1.3 6.3 3.8 9M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z',
  database: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3Zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  security: 'M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Zm-3 9 2 2 4-4',
  ai: 'M9 3v3M15 3v3M9 18v3M15 18v3M3 9h3M3 15h3M18 9h3M18 15h3M7 6h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1Zm3 4h4v4h-4z',
  devops: 'M6 3v12M6 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6Zm12-6a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm0 0c0 5-6 4-11.2 7.6',
  windows: 'M3 5.5 10.5 4.5v7H3v-6Zm9.5-1.3L21 3v8.5h-8.5V4.2ZM3 12.5h7.5v7L3 18.5v-6Zm9.5 0H21V21l-8.5-1.2v-7.3Z',
  bigdata: 'M4 20V10M9 20V4M14 20v-8M19 20V7M3 20h18',
  os: 'M4 5h16v11H4zM8 20h8M12 16v4M7 9l2 2-2 2M11 13h3',
  monitoring: 'M3 12h4l2-5 4 10 2-5h6M3 4h18v16H3z',
  ecommerce: 'M3 4h2l2.4 11h10.8L20 7H6.2M9 19.5a1 1 0 1 0 0 .01M17 19.5a1 1 0 1 0 0 .01',
};

const tones: Record<Category, string> = {
  web: 'bg-sky-50 text-sky-600',
  database: 'bg-indigo-50 text-indigo-600',
  security: 'bg-emerald-50 text-emerald-600',
  ai: 'bg-fuchsia-50 text-fuchsia-600',
  devops: 'bg-orange-50 text-orange-600',
  windows: 'bg-blue-50 text-blue-600',
  bigdata: 'bg-violet-50 text-violet-600',
  os: 'bg-slate-100 text-slate-700',
  monitoring: 'bg-rose-50 text-rose-600',
  ecommerce: 'bg-amber-50 text-amber-600',
};

export function CategoryIcon({ category }: { category: Category }) {
  return (
    <span aria-hidden className={`flex size-10 shrink-0 items-center justify-center rounded-lg ${tones[category]}`}>
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="size-5">
        <path d={paths[category]} />
      </svg>
    </span>
  );
}
