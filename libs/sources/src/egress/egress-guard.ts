import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import { parseAllowedNetworks, refusalOf } from './address-policy';
import type { AllowedNetwork } from './address-policy';
import { ALLOW_NETWORKS_SETTING, EgressRefusedError } from './egress-errors';

/** How a host name becomes addresses: the system resolver, or a fixed table in tests ('evil.test' → 127.0.0.1). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export interface EgressSettings {
  /** Networks reached although they are not public (`EGRESS_ALLOW_NETWORKS`): local fakes, an intranet feed. */
  allowNetworks: readonly string[];
  /** Most bytes of one remote answer read, after decompression (`EGRESS_MAX_BODY_BYTES`). */
  maxBodyBytes: number;
  resolve?: HostResolver;
}

/**
 * 5 MiB: the largest page any platform API or feed we read sends is a few hundred KB; five times
 * the biggest RSS feeds seen in the wild still fits.
 */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

type ActiveSettings = { allowed: AllowedNetwork[]; maxBodyBytes: number; resolve: HostResolver };

const systemResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** Until a process says otherwise, only public addresses are reached: forgetting to configure is safe. */
let active: ActiveSettings = { allowed: [], maxBodyBytes: DEFAULT_MAX_BODY_BYTES, resolve: systemResolver };
/** Bumped on every change of policy: pooled connections opened under the old one are dropped. */
let generation = 0;

/**
 * Sets the one egress policy of this process; the api and worker call it once at boot with the
 * validated config, tests with the loopback allow-list their fakes need.
 */
export function configureEgress(settings: EgressSettings): void {
  active = {
    allowed: parseAllowedNetworks(settings.allowNetworks),
    maxBodyBytes: settings.maxBodyBytes,
    resolve: settings.resolve ?? systemResolver,
  };
  generation += 1;
}

/** Which policy is in force, for connection pools to notice a change. */
export function egressGeneration(): number {
  return generation;
}

/** The limit a remote answer is read to. */
export function maxBodyBytes(): number {
  return active.maxBodyBytes;
}

/** Throws EgressRefusedError when an address may not be connected to. */
export function assertAddressAllowed(address: string, url: string): void {
  const refusal = refusalOf(address, active.allowed);
  if (refusal !== undefined) throw addressRefused(url, address, refusal);
}

/** The refusal of one address, naming the URL, the address and the setting that would allow it. */
export function addressRefused(url: string, address: string, refusal = refusalOf(address, [])): EgressRefusedError {
  return new EgressRefusedError(
    url,
    `${url} was refused: it points at ${address}, ${refusal ?? 'not a public address'}; only public addresses ` +
      `are reached unless ${ALLOW_NETWORKS_SETTING} names the network ` +
      `(e.g. ${ALLOW_NETWORKS_SETTING}=${allowExample(address)})`,
    address,
  );
}

/**
 * Resolves a host the way a connection would and checks every address it has: what save-time
 * validation asks before a URL is stored. A connection checks again when it opens.
 */
export async function assertHostAllowed(hostname: string, url: string): Promise<void> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return assertAddressAllowed(bare, url);
  for (const { address } of await resolveOrExplain(bare, url)) assertAddressAllowed(address, url);
}

/**
 * The `lookup` every guarded socket connects with. The check and the connection use the same
 * answer, so a host that resolves to a public address when checked and a private one when
 * connected (DNS rebinding) has no gap to slip through. A host with any refused address is
 * refused outright rather than tried address by address.
 */
export function guardedLookup(url: string) {
  return (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolveOrExplain(hostname, url).then(
      (addresses) => {
        try {
          for (const { address } of addresses) assertAddressAllowed(address, url);
        } catch (error) {
          return callback(error as NodeJS.ErrnoException, '');
        }
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = addresses.filter((address) => wanted === undefined || address.family === wanted);
        if (usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no IPv${wanted} address`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (options.all === true) return callback(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

async function resolveOrExplain(hostname: string, url: string): Promise<LookupAddress[]> {
  try {
    return await active.resolve(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const failure = new Error(`${url} could not be reached: ${hostname} does not resolve (${code ?? String(error)})`, {
      cause: error,
    }) as NodeJS.ErrnoException;
    if (code !== undefined) failure.code = code;
    throw failure;
  }
}

function allowExample(address: string): string {
  return isIP(address) === 6 ? `${address}/128` : `${address}/32`;
}
