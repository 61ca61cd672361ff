// Issue 16 ("No hard-coded English in the markup"): labels a screen reader reads and the pages'
// titles come from the catalogues, so 简体中文 readers do not hear English.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** A literal with a letter in an attribute read aloud: aria-label="console", title='Tasks'… */
const literalAttribute = /\b(aria-label|aria-description|aria-roledescription|aria-valuetext|title|alt)=(["'])[^"']*\p{L}[^"']*\2/gu;
/** An element whose whole content is words written out: <dt>AccessKey ID</dt>. */
const literalText = /<([a-z][a-zA-Z0-9]*)\b[^<>]*>\s*([^<>{}]*\p{L}[^<>{}]*?)\s*<\/\1>/gu;
/** The product's name, the same in every language. */
const sameInEveryLanguage = new Set(['Stratus']);
/** A page's <title> written out: `metadata = { title: 'Orders' }`. */
const literalTitle = /metadata[^=]*=\s*\{\s*title:\s*(['"{])/;

describe('markup without hard-coded English', () => {
  const files = [...sources('app'), ...sources('components')];

  it('finds the sources', () => expect(files.length).toBeGreaterThan(50));

  it('no accessible name, title or alt text is a literal', () => {
    const found = files.flatMap((file) => [...readFileSync(path.join(root, file), 'utf8').matchAll(literalAttribute)].map((m) => `${file}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('no element\'s text is a literal (the product\'s name aside)', () => {
    const found = files.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(literalText)].filter((m) => !sameInEveryLanguage.has(m[2])).map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('no page title is a literal', () => {
    const found = files.filter((file) => literalTitle.test(readFileSync(path.join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
