// Vitest globalSetup (issue 15): gives the run a directory where its test files share one
// PostgreSQL server (tests/helpers/postgres-server.ts starts it on first use, so a run without
// PostgreSQL tests starts nothing), stops that server at the end, and first clears what a run
// that died left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopCluster } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresRunDir: string;
  }
}

const PREFIX = 'stratus-pg-run-';

export default function setup(project: TestProject): () => void {
  for (const stale of fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(PREFIX))) {
    const dir = path.join(os.tmpdir(), stale);
    if (!ownerIsGone(dir)) continue;
    try {
      stopCluster(dir);
    } catch {
      // a cluster that will not stop leaves its files; the next run tries again
      continue;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  fs.writeFileSync(path.join(runDir, 'owner'), String(process.pid));
  project.provide('postgresRunDir', runDir);
  return () => {
    stopCluster(runDir);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}

function ownerIsGone(dir: string): boolean {
  const owner = path.join(dir, 'owner');
  if (!fs.existsSync(owner)) return false; // being made by a run that starts now
  const pid = Number(fs.readFileSync(owner, 'utf8'));
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
