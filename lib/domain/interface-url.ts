// SEL-4: where lifecycle calls may go. Production URLs are HTTPS with a domain name; plain
// http to the local machine only in test mode, or when the operator allows it explicitly (a
// demo with the reference receiver): otherwise any seller could make the server call its own ports.
export type InterfaceUrlProblem = 'malformed' | 'notHttps' | 'notDomain';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkInterfaceUrl(raw: string, mode: 'production' | 'demo' | 'test', allowLocal = false): InterfaceUrlProblem | null {
  if (raw.length > 512 || !URL.canParse(raw)) return 'malformed';
  const url = new URL(raw);
  if (url.username || url.password || url.hash) return 'malformed';
  const local = LOCAL_HOSTS.has(url.hostname);
  if (local && (mode === 'test' || allowLocal) && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'notHttps';
  // A domain name: letters in a dotted name, not an IP address or a bare host.
  const ip = /^\d+(\.\d+){3}$/.test(url.hostname) || url.hostname.startsWith('[');
  if (ip || local || !/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname)) return 'notDomain';
  return null;
}

/**
 * An address a seller's name must not resolve to in production: this machine, the private
 * networks, link-local (cloud metadata) and the like — a call there would reach what only the
 * platform should reach.
 */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return isPrivateAddress(mapped[1]);
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  const v6 = ip.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('ff');
}
