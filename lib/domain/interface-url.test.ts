import { describe, expect, it } from 'vitest';
import { checkInterfaceUrl, isPrivateAddress } from './interface-url';

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

  it('test mode, or an operator who allows it, also accepts plain http on the local machine', () => {
    expect(checkInterfaceUrl('http://127.0.0.1:8080/x', 'test')).toBeNull();
    expect(checkInterfaceUrl('http://localhost:8080/x', 'demo')).toBe('notHttps');
    expect(checkInterfaceUrl('http://localhost:8080/x', 'demo', true)).toBeNull();
    expect(checkInterfaceUrl('http://10.0.0.5:8080/x', 'test')).toBe('notHttps');
  });
});

describe('SEL-4 addresses a production interface may not resolve to', () => {
  it('this machine, private networks, link-local and multicast are refused; public addresses pass', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['203.0.113.7', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2001:db8::1', '::ffff:8.8.8.8']) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
    }
  });
});
