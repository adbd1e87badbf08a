import { parseAllowedNetworks, refusalOf } from './address-policy';

describe('which addresses outbound requests may reach', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.8.9.10', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.1.2.3', 'a private network address (RFC 1918)'],
    ['172.16.0.1', 'a private network address (RFC 1918)'],
    ['192.168.1.1', 'a private network address (RFC 1918)'],
    ['fd12:3456::1', 'a private network address (unique local, fc00::/7)'],
    ['169.254.10.1', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address (100.64.0.0/10)'],
    ['0.0.0.0', 'the unspecified address'],
    ['::', 'the unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:169.254.169.254', 'a cloud metadata address'],
    ['[::ffff:a00:1]', 'a private network address (RFC 1918)'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusalOf(address, [])).toBe(reason);
  });

  it.each(['93.184.215.14', '2606:4700::6810:85e5', '::ffff:93.184.215.14'])('lets public %s through', (address) => {
    expect(refusalOf(address, [])).toBeUndefined();
  });

  it('lets through exactly the networks the allow-list names, IPv4-mapped forms included', () => {
    const allowed = parseAllowedNetworks(['127.0.0.1/32', '::1', '10.20.0.0/16']);
    expect(refusalOf('127.0.0.1', allowed)).toBeUndefined();
    expect(refusalOf('::ffff:127.0.0.1', allowed)).toBeUndefined();
    expect(refusalOf('::1', allowed)).toBeUndefined();
    expect(refusalOf('10.20.30.40', allowed)).toBeUndefined();
    expect(refusalOf('127.0.0.2', allowed)).toBe('a loopback address');
    expect(refusalOf('10.21.0.1', allowed)).toBe('a private network address (RFC 1918)');
  });

  it('names an entry that is not an address or network', () => {
    expect(() => parseAllowedNetworks(['127.0.0.1/32', 'intranet'])).toThrow('"intranet" is not an IP address');
  });
});
