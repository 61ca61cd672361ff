// How the bench starts the production server on its data directory: the one place to change when
// the way Stratus is served changes. By default `scripts/start.ts` of BENCH_SERVER_DIR (default:
// this checkout), as `npm start` runs it: the server processes of server.ts, built first when a
// source is newer than the build. BENCH_SERVER_CMD (run by the shell in BENCH_SERVER_DIR, with
// PORT set) replaces it, e.g. `next start` to measure Next's own server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../free-port';

export type Server = { origin: string; description: string; stop(): void };

/** The server, answering; or why it could not be started. The environment is the bench's (data directory, mode, auth secret). */
export async function startServer(): Promise<Server | string> {
  const dir = path.resolve(process.env.BENCH_SERVER_DIR ?? process.cwd());
  const command = process.env.BENCH_SERVER_CMD;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const shell = command ?? `exec ${JSON.stringify(path.join(dir, 'node_modules', '.bin', 'tsx'))} scripts/start.ts`;
  // Its own process group, so stopping it stops whatever the command started.
  const child = spawn('sh', ['-c', shell], { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' } });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // Not left behind when the bench is interrupted (it is in a process group of its own).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stop(), process.exit(130)));
  const started = Date.now();
  // A build first, when the sources are newer than it, takes a few minutes on 2 cores.
  while (Date.now() - started < 600_000) {
    if (child.exitCode !== null) return `the server exited (${child.exitCode}) before answering: ${shell}`;
    if (await fetch(`${origin}/api/ecs`).then(() => true, () => false)) return { origin, description: `\`${command ?? 'tsx scripts/start.ts'}\` in ${dir}`, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  return `the server did not answer within 600 s: ${shell}`;
}
