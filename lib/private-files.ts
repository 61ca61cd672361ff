// Files holding secrets (the database, the auth secret, demo passwords) are readable by their
// owner only. chmod after writing too: a mode given to open() applies only to a new file, and
// one left by an older version may be world-readable.
import fs from 'node:fs';

const PRIVATE = 0o600;

export function writePrivateFile(file: string, content: string): void {
  fs.writeFileSync(file, content, { mode: PRIVATE });
  fs.chmodSync(file, PRIVATE);
}

/** Makes the file (empty) if missing and narrows its mode; an existing file keeps its content. */
export function makePrivate(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE));
  fs.chmodSync(file, PRIVATE);
}
