// Runs the reference receiver: `npx tsx server.ts` (settings in README.md). It prints its URL
// on one line, so a test that starts it with PORT=0 can read where it listens.
import { readConfig, type ServerConfig } from './config.js';
import { createReceiver } from './receiver.js';

let config: ServerConfig;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(`seller receiver: ${(error as Error).message}`);
  process.exit(2);
}
const { port, host, ...options } = config;
const receiver = createReceiver({ ...options, log: (line) => console.log(`${new Date().toISOString()} ${line}`) });
const url = await receiver.listen(port, host);
console.log(`seller receiver listening on ${url} (keys: ${Object.keys(options.keys).join(', ')}; fail mode: ${options.failMode})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void receiver.close().then(() => process.exit(0)));
}
