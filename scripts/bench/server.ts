// How the bench starts the production server on its data directory: the one place to change when
// the way Stratus is served changes. BENCH_SERVER_CMD (run by the shell in BENCH_SERVER_DIR, with
// PORT set, e.g. `npm start`) replaces the default, `next start` of the build in BENCH_SERVER_DIR
// (default: this checkout; build it first).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type Server = { origin: string; description: string; stop(): void };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The server, answering; or why it could not be started. The environment is the bench's (data directory, mode, auth secret). */
export async function startServer(): Promise<Server | string> {
  const dir = path.resolve(process.env.BENCH_SERVER_DIR ?? process.cwd());
  const command = process.env.BENCH_SERVER_CMD;
  if (!command && !fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) return `no build in ${dir} (run \`npm run build\` there, or set BENCH_SERVER_DIR or BENCH_SERVER_CMD)`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const shell = command ?? `exec ${JSON.stringify(path.join(dir, 'node_modules', '.bin', 'next'))} start -H 127.0.0.1 -p ${port}`;
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
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) return `the server exited (${child.exitCode}) before answering: ${shell}`;
    if (await fetch(`${origin}/api/ecs`).then(() => true, () => false)) return { origin, description: `\`${command ?? 'next start'}\` in ${dir}`, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  return `the server did not answer within 120 s: ${shell}`;
}
