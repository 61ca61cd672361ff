import { describe, expect, it } from 'vitest';
import { checkInterfaceUrl, isPublicAddress, mayConnect } from './interface-url';

describe('SEL-4 interface URLs', () => {
  it('production: HTTPS with a domain name only', () => {
    expect(checkInterfaceUrl('https://seller.example.com/stratus', 'production')).toBeNull();
    expect(checkInterfaceUrl('http://seller.example.com/stratus', 'production')).toBe('notHttps');
    expect(checkInterfaceUrl('https://203.0.113.7/stratus', 'production')).toBe('notDomain');
    expect(checkInterfaceUrl('https://localhost:8443/x', 'production')).toBe('notDomain');
    expect(checkInterfaceUrl('http://127.0.0.1:8080/x', 'production')).toBe('notHttps');
    expect(checkInterfaceUrl('not a url', 'production')).toBe('malformed');
    expect(checkInterfaceUrl('https://user:pw@seller.example.com/', 'production')).toBe('malformed');
  });

  it('test mode (any port), or an operator who lists the port, also accepts plain http on the local machine', () => {
    expect(checkInterfaceUrl('http://127.0.0.1:8080/x', 'test')).toBeNull();
    expect(checkInterfaceUrl('http://127.0.0.1:39211/x', 'test')).toBeNull();
    expect(checkInterfaceUrl('http://localhost:8080/x', 'demo')).toBe('notHttps');
    expect(checkInterfaceUrl('http://localhost:8080/x', 'demo', [8080])).toBeNull();
    expect(checkInterfaceUrl('http://[::1]:8081/x', 'production', [8080, 8081])).toBeNull();
    expect(checkInterfaceUrl('http://10.0.0.5:8080/x', 'test')).toBe('notHttps');
  });

  it('SEL-4 (issue 12): a local port the operator did not list is refused', () => {
    expect(checkInterfaceUrl('http://localhost:8081/x', 'demo', [8080])).toBe('notHttps');
    expect(checkInterfaceUrl('http://127.0.0.1/x', 'production', [8080])).toBe('notHttps');
    expect(checkInterfaceUrl('https://127.0.0.1:6379/x', 'production', [8080])).toBe('notDomain');
  });
});

describe('SEL-4 addresses a production interface may connect to (issue 12: ipaddr.js ranges, unicast only)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking 198.18.0.0/15'],
    ['198.19.255.254', 'benchmarking 198.18.0.0/15'],
    ['192.0.0.1', 'IETF protocol assignments 192.0.0.0/24'],
    ['203.0.113.7', 'documentation'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fec0::1', 'site-local fec0::/10'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata, hex'],
    ['::7f00:1', 'IPv4-compatible (outside 2000::/3)'],
    ['64:ff9b::7f00:1', 'NAT64 64:ff9b::/96'],
    ['64:ff9b::808:808', 'NAT64, even of a public address'],
    ['2002:7f00:1::', '6to4 2002::/16'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['not-an-ip', 'not an address'],
  ])('%s (%s) is refused', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
    expect(mayConnect(ip, 443, [])).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s (public unicast) is allowed', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
    expect(mayConnect(ip, 443, [])).toBe(true);
  });

  it('loopback only on a listed port (any port in test mode); private networks never', () => {
    expect(mayConnect('127.0.0.1', 8080, [8080])).toBe(true);
    expect(mayConnect('::1', 8080, [8080])).toBe(true);
    expect(mayConnect('::ffff:7f00:1', 8080, [8080])).toBe(true);
    expect(mayConnect('127.0.0.1', 6379, [8080])).toBe(false);
    expect(mayConnect('127.0.0.1', 6379, 'any')).toBe(true);
    expect(mayConnect('10.0.0.5', 8080, [8080])).toBe(false);
    expect(mayConnect('169.254.169.254', 80, 'any')).toBe(false);
  });
});
