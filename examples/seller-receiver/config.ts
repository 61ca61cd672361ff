// The receiver's settings from the environment (README.md, "Settings"). Errors name the
// variable but never echo a secret.
import { failModes, type FailMode, type ReceiverOptions } from './receiver.js';

export type ServerConfig = Omit<ReceiverOptions, 'log' | 'now'> & { port: number; host: string };
type Env = Record<string, string | undefined>;

/** SELLER_KEYS="key1:secret1,key2:secret2" (a secret may contain ':', not ','), and/or SELLER_ACCESS_KEY + SELLER_SECRET. */
function readKeys(env: Env): Record<string, string> {
  const keys: Record<string, string> = {};
  if (env.SELLER_ACCESS_KEY || env.SELLER_SECRET) {
    if (!env.SELLER_ACCESS_KEY || !env.SELLER_SECRET) throw new Error('SELLER_ACCESS_KEY and SELLER_SECRET go together');
    keys[env.SELLER_ACCESS_KEY] = env.SELLER_SECRET;
  }
  for (const [index, pair] of (env.SELLER_KEYS ?? '').split(',').map((p) => p.trim()).filter(Boolean).entries()) {
    const colon = pair.indexOf(':');
    if (colon <= 0 || colon === pair.length - 1) throw new Error(`SELLER_KEYS: entry ${index + 1} is not accessKey:secret`);
    keys[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  if (Object.keys(keys).length === 0) throw new Error('no key: set SELLER_KEYS="key1:secret1,key2:secret2", or SELLER_ACCESS_KEY and SELLER_SECRET');
  return keys;
}

function readFailMode(value: string | undefined): FailMode {
  if (value === undefined || value === '') return 'none';
  if (value === 'down') throw new Error('FAIL_MODE=down means no receiver at all: stop it instead of starting it');
  if (!failModes.includes(value as FailMode)) throw new Error(`FAIL_MODE must be one of ${failModes.join(', ')}`);
  return value as FailMode;
}

export function readConfig(env: Env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('PORT must be a port number (0 picks a free one)');
  return {
    port,
    // Loopback by default: in production a TLS proxy (HTTPS is required, SEL-4) sits in front.
    host: env.HOST || '127.0.0.1',
    keys: readKeys(env),
    failMode: readFailMode(env.FAIL_MODE),
    exposeState: env.EXPOSE_STATE === '1' || env.EXPOSE_STATE === 'true',
    dataFile: env.DATA_FILE || undefined,
    frontEndBaseUrl: env.FRONT_END_BASE_URL || undefined,
  };
}
