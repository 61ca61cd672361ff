// The product's logo, or a coloured monogram made from its title when the seller gave none.
// The colour comes from the product code, so a product keeps its colour everywhere.

const palettes = [
  'from-sky-500 to-blue-600',
  'from-indigo-500 to-violet-600',
  'from-emerald-500 to-teal-600',
  'from-amber-500 to-orange-600',
  'from-rose-500 to-pink-600',
  'from-cyan-500 to-sky-600',
  'from-fuchsia-500 to-purple-600',
  'from-lime-500 to-green-600',
  'from-orange-500 to-red-600',
  'from-slate-600 to-slate-800',
] as const;

/** FNV-1a: a stable, well-spread hash of the code. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function paletteOf(code: string): string {
  return palettes[hash(code) % palettes.length];
}

/** One CJK character, or up to two capitals of the first word ("WordPress" → "WP", "LNMP" → "LN"). */
export function monogramOf(title: string): string {
  const first = title.trim().split(/[\s(（]+/)[0] ?? '';
  const head = [...first][0] ?? '?';
  if (/\p{Script=Han}/u.test(head)) return head;
  const capitals = [...first].filter((c) => /\p{Lu}/u.test(c));
  if (capitals.length >= 2) return capitals.slice(0, 2).join('');
  return head.toUpperCase();
}

const sizes = {
  sm: 'size-11 rounded-lg text-base',
  lg: 'size-20 rounded-xl text-2xl',
};

export function ProductLogo({ code, title, logoUrl, size = 'sm' }: { code: string; title: string; logoUrl?: string | null; size?: keyof typeof sizes }) {
  if (logoUrl) {
    // A plain img: sellers' logos may live on any host, which next/image would have to allow-list.
    return <img src={logoUrl} alt="" className={`${sizes[size]} shrink-0 border border-slate-200 bg-white object-contain p-1`} />;
  }
  return (
    <span aria-hidden className={`${sizes[size]} flex shrink-0 items-center justify-center bg-gradient-to-br font-semibold tracking-tight text-white shadow-sm ${paletteOf(code)}`}>
      {monogramOf(title)}
    </span>
  );
}
