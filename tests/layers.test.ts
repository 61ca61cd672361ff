// Issue 14 (Shape): db/ is the bottom layer (schema, client, migrations, pure seed data) and
// seeding sits above the services (lib/seed); pages reach seed data only through lib/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f));
}

/** Every module a file imports, statically or dynamically, resolved against the repository. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => (s.startsWith('@/') ? s.slice(2) : s.startsWith('.') ? path.join(path.dirname(file), s) : s));
}

const offending = (dir: string, forbidden: RegExp) => sources(dir).flatMap((file) => importsOf(file).filter((target) => forbidden.test(target)).map((target) => `${file} → ${target}`));

describe('layers (issue 14)', () => {
  it('db/ imports no service, auth or seeding code', () => {
    expect(offending('db', /^lib\/(services|auth|seed)\//)).toEqual([]);
  });

  it('pages and components do not import seed data from db/', () => {
    expect([...offending('app', /^db\/seed/), ...offending('components', /^db\/seed/)]).toEqual([]);
  });
});
