// SEL-4 (issue 12): STRATUS_ALLOW_LOCAL_INTERFACES lists the local ports a seller's interface
// may reach; 'true' (every port) is refused at start with a message saying what to write.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const ports = (value?: string) => loadConfig({ NODE_ENV: 'test', STRATUS_ALLOW_LOCAL_INTERFACES: value }).localInterfacePorts;

describe('STRATUS_ALLOW_LOCAL_INTERFACES', () => {
  it('is a list of ports; unset or false is none', () => {
    expect([ports(), ports('false'), ports('8080'), ports('8080, 8081')]).toEqual([[], [], [8080], [8080, 8081]]);
  });

  it.each(['true', '0', '70000', '8080;8081', 'all'])('%s is refused, naming the ports to list instead', (value) => {
    expect(() => ports(value)).toThrow(/STRATUS_ALLOW_LOCAL_INTERFACES=8080/);
  });
});
