// The bench's side of the load generator: forks scripts/bench/load.ts (with tsx) and hands it one
// job at a time.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadResult } from './jobs';

export type LoadGenerator = { run(job: LoadJob): Promise<LoadResult>; stop(): void };

export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (answer: { result?: LoadResult; error?: string }) => {
          child.off('exit', onExit);
          if (answer.result) resolve(answer.result);
          else reject(new Error(`load generator: ${answer.error}`));
        });
        child.send(job);
      }),
    stop: () => child.disconnect(),
  };
}
