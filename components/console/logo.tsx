import Link from 'next/link';

export function Logo({ href = '/' }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold tracking-tight">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="7" fill="#2f7cf6" />
        <path d="M8 20c2-6 6-9 9-9s5 2 7 1M8 24c3-3 7-5 11-5s4 1 5 1" stroke="#fff" strokeWidth="2.4" fill="none" strokeLinecap="round" />
      </svg>
      {/* On a phone the mark alone; the name stays for screen readers. */}
      <span className="sr-only text-lg sm:not-sr-only">Stratus</span>
    </Link>
  );
}
