import ipaddr from 'ipaddr.js';

/** One network of the allow-list, parsed once. */
export type AllowedNetwork = { address: ipaddr.IPv4 | ipaddr.IPv6; prefixLength: number; text: string };

/**
 * Addresses that reach the cloud provider's instance metadata (and its credentials). They are
 * link-local or unique-local anyway; named apart so a refusal says what was at stake.
 */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/** Reads `127.0.0.1/32,::1/128` (a bare address is a single host); throws naming the bad entry. */
export function parseAllowedNetworks(list: readonly string[]): AllowedNetwork[] {
  return list.map((entry) => {
    const text = entry.trim();
    try {
      if (text.includes('/')) {
        const [address, prefixLength] = ipaddr.parseCIDR(text);
        return { address: normalized(address), prefixLength: mappedPrefix(address, prefixLength), text };
      }
      const address = normalized(ipaddr.parse(text));
      return { address, prefixLength: address.kind() === 'ipv4' ? 32 : 128, text };
    } catch {
      throw new Error(`"${text}" is not an IP address or CIDR network (e.g. 127.0.0.1/32, ::1/128)`);
    }
  });
}

/** True for a syntactically valid list entry: what libs/config checks before anything boots. */
export function isNetworkEntry(text: string): boolean {
  try {
    parseAllowedNetworks([text]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why an address may not be connected to, or undefined when it may: only public unicast space
 * passes, unless the allow-list names the address. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged
 * as the IPv4 address it reaches.
 */
export function refusalOf(addressText: string, allowed: readonly AllowedNetwork[]): string | undefined {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = normalized(ipaddr.parse(addressText.replace(/^\[|\]$/g, '').replace(/%.*$/, '')));
  } catch {
    return 'not an IP address';
  }
  if (allowed.some((network) => inNetwork(address, network))) return undefined;
  if (METADATA_ADDRESSES.has(address.toNormalizedString()) || METADATA_ADDRESSES.has(address.toString())) {
    return 'a cloud metadata address';
  }
  const range = address.range();
  return range === 'unicast' ? undefined : (RANGE_NAMES[range] ?? `a reserved address (${range})`);
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private network address (RFC 1918)',
  uniqueLocal: 'a private network address (unique local, fc00::/7)',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

function normalized(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

/** `::ffff:10.0.0.0/104` written in the allow-list means 10.0.0.0/8. */
function mappedPrefix(address: ipaddr.IPv4 | ipaddr.IPv6, prefixLength: number): number {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? Math.max(0, prefixLength - 96)
    : prefixLength;
}

function inNetwork(address: ipaddr.IPv4 | ipaddr.IPv6, network: AllowedNetwork): boolean {
  if (address.kind() !== network.address.kind()) return false;
  return address.kind() === 'ipv4'
    ? (address as ipaddr.IPv4).match(network.address, network.prefixLength)
    : (address as ipaddr.IPv6).match(network.address, network.prefixLength);
}
