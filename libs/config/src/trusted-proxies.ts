import { isIP } from 'node:net';

/** The names Express's `trust proxy` understands for whole ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Why an entry of TRUSTED_PROXIES is wrong, or null if it is an address, a CIDR range or one of
 * Express's range names. Express would accept a typo silently and then trust nobody, or throw at
 * the first request: checking here stops the process at start instead.
 */
export function trustedProxyProblem(entry: string): string | null {
  if (RANGE_NAMES.includes(entry)) return null;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return `"${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of ${RANGE_NAMES.join(', ')}`;
  }
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const most = family === 4 ? 32 : 128;
  return /^\d+$/.test(prefix) && bits <= most ? null : `"${entry}" has a prefix length outside 0-${most}`;
}

/** The comma-separated list as entries, blanks dropped. */
export function trustedProxyEntries(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
