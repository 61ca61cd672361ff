// SEL-4: where lifecycle calls may go. Production URLs are HTTPS with a domain name; plain
// http to the local machine only in test mode, or on the ports the operator lists (a demo
// with the reference receiver): otherwise any seller could make the server call its own ports.
import ipaddr from 'ipaddr.js';
import type { Mode } from './settings';

export type InterfaceUrlProblem = 'malformed' | 'notHttps' | 'notDomain';

/** Which local ports a seller's interface may reach: every port (test mode) or the listed ones. */
export type LocalPorts = 'any' | readonly number[];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The port a URL connects to, its scheme's default when none is written. */
export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Test mode reaches every local port (receivers on random ports); elsewhere only the listed ones. */
export const localPortsFor = (mode: Mode, listed: readonly number[]): LocalPorts => (mode === 'test' ? 'any' : listed);

function localPortAllowed(port: number, local: LocalPorts): boolean {
  return local === 'any' || local.includes(port);
}

export function checkInterfaceUrl(raw: string, mode: Mode, localPorts: readonly number[] = []): InterfaceUrlProblem | null {
  if (raw.length > 512 || !URL.canParse(raw)) return 'malformed';
  const url = new URL(raw);
  if (url.username || url.password || url.hash) return 'malformed';
  const local = LOCAL_HOSTS.has(url.hostname);
  const allowed = localPortAllowed(urlPort(url), localPortsFor(mode, localPorts));
  if (local && allowed && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'notHttps';
  // A domain name: letters in a dotted name, not an IP address or a bare host.
  const ip = /^\d+(\.\d+){3}$/.test(url.hostname) || url.hostname.startsWith('[');
  if (ip || local || !/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname)) return 'notDomain';
  return null;
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Whether a seller's name may lead to this address: public unicast only. Everything else —
 * this machine, private networks, link-local (cloud metadata), reserved and benchmarking
 * ranges, and the IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) — is
 * refused, as is IPv6 outside the global unicast space (2000::/3).
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  // ::ffff:7f00:1 is 127.0.0.1: judged as the IPv4 address it is.
  const address = ipaddr.process(ip);
  if (address.range() !== 'unicast') return false;
  return address.kind() === 'ipv4' || (address as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

/** Whether a call may connect to this address and port: public, or loopback on an allowed local port. */
export function mayConnect(ip: string, port: number, local: LocalPorts): boolean {
  if (isPublicAddress(ip)) return true;
  return ipaddr.isValid(ip) && ipaddr.process(ip).range() === 'loopback' && localPortAllowed(port, local);
}
