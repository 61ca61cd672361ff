// Scripts that tests run in other processes or threads, compiled once by esbuild into one
// plain .mjs file: loading it costs a parse, not a TypeScript compilation per thread (issue 14:
// 50 threads each compiling the services through tsx took 68 s).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll } from 'vitest';

const require = createRequire(import.meta.url);

/** The bundle of `entry` (a path from the repository root); removed after the test file. */
export function bundled(entry: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-bundle-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const [output] = buildSync({
    entryPoints: [entry],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // Bundled CommonJS packages call require(): give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  }).outputFiles;
  // The native driver stays outside, imported by its absolute path so the bundle may live in /tmp.
  const driver = JSON.stringify(pathToFileURL(require.resolve('better-sqlite3')).href);
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  fs.writeFileSync(outfile, output.text.replaceAll(/(from\s*|import\(\s*)"better-sqlite3"/g, `$1${driver}`));
  return outfile;
}
