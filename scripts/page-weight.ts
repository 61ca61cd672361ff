// `npm run weight` (after `next build`): each page's first-load JavaScript, gzipped, read from
// the build's manifests: Next's root scripts (build-manifest.json's rootMainFiles) plus the
// chunks its client reference manifest lists for the page and the layouts above it. Exits 1
// when a page is over the budget (issue 16: 200 kB). `--json` prints the figures as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const next = path.resolve('.next');
if (!fs.existsSync(path.join(next, 'BUILD_ID'))) {
  console.error('No build in .next: run `npx next build` (or `npm start` once) first.');
  process.exit(2);
}

const rootMainFiles: string[] = JSON.parse(fs.readFileSync(path.join(next, 'build-manifest.json'), 'utf8')).rootMainFiles;

const gzipped = new Map<string, number>();
function gzipBytes(file: string): number {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(fs.readFileSync(path.join(next, file)), { level: 9 }).length);
  return gzipped.get(file)!;
}

function* manifests(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(full);
    else if (entry.name === 'page_client-reference-manifest.js') yield full;
  }
}

type Manifest = { entryJSFiles: Record<string, string[]> };
const globals = globalThis as { __RSC_MANIFEST?: Record<string, Manifest> };

const pages: { route: string; kb: number; files: number }[] = [];
for (const file of manifests(path.join(next, 'server', 'app'))) {
  globals.__RSC_MANIFEST = {};
  new Function(fs.readFileSync(file, 'utf8'))();
  const [[key, manifest]] = Object.entries(globals.__RSC_MANIFEST);
  const page = key.replace(/\/page$/, '');
  if (page.startsWith('/_')) continue;
  // The page's own entry and its layouts' (a layout's key is a prefix of the page's).
  const segments = Object.entries(manifest.entryJSFiles).filter(([entry]) => {
    const at = entry.indexOf('/app');
    const segment = entry.slice(at + 4).replace(/\/(page|layout)$/, '');
    return /\/(page|layout)$/.test(entry) && (page + '/').startsWith(segment + '/');
  });
  const files = new Set([...rootMainFiles, ...segments.flatMap(([, list]) => list)]);
  const bytes = [...files].reduce((sum, f) => sum + gzipBytes(f), 0);
  pages.push({ route: page.replace(/\/\([^)]+\)/g, '') || '/', kb: Math.round(bytes / 102.4) / 10, files: files.size });
}
pages.sort((a, b) => a.route.localeCompare(b.route));

const over = pages.filter((p) => p.kb > BUDGET_KB);
if (process.argv.includes('--json')) console.log(JSON.stringify(pages, null, 2));
else {
  console.log(`First-load JavaScript per page, gzipped (budget ${BUDGET_KB} kB)\n`);
  console.log(`${'page'.padEnd(40)} ${'kB'.padStart(7)}  files`);
  for (const p of pages) console.log(`${p.route.padEnd(40)} ${p.kb.toFixed(1).padStart(7)}  ${String(p.files).padStart(5)}${p.kb > BUDGET_KB ? '  OVER' : ''}`);
  console.log(over.length ? `\n${over.length} page(s) over ${BUDGET_KB} kB.` : `\nEvery page is within ${BUDGET_KB} kB.`);
}
process.exit(over.length ? 1 : 0);
