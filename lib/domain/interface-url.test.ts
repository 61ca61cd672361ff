import { describe, expect, it } from 'vitest';
import { checkInterfaceUrl } from './interface-url';

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
