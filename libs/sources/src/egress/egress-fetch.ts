import { isIP } from 'node:net';
import { Agent, buildConnector, fetch } from 'undici';
import type { Response } from 'undici';
import { EgressRefusedError, describeUrl } from './egress-errors';
import { planRedirect } from './redirect-plan';
import type { RedirectMethod } from './redirect-plan';
import { addressRefused, assertAddressAllowed, egressGeneration, guardedLookup } from './egress-guard';

export interface EgressRequest {
  method?: RedirectMethod;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  signal?: AbortSignal;
  /**
   * Hops followed, each checked like the first; 0 hands a redirect back (a webhook receiver that
   * moved is set up anew). Three is more than any platform or feed host uses.
   */
  maxRedirects?: number;
}

export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

let pool: { generation: number; agent: Agent } | undefined;

/**
 * One connection pool for every guarded request. Its connector checks an address literal itself
 * (Node connects to those without a lookup) and resolves host names through the guarded lookup.
 */
function dispatcher(): Agent {
  if (pool?.generation === egressGeneration()) return pool.agent;
  void pool?.agent.destroy().catch(() => undefined);
  const connect = buildConnector({
    lookup: (hostname, options, callback) => guardedLookup(`host ${hostname}`)(hostname, options, callback),
  });
  const agent = new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) !== 0) {
        try {
          assertAddressAllowed(host, `${options.protocol}//${options.hostname}`);
        } catch (error) {
          return callback(error as Error, null);
        }
      }
      connect(options, callback);
    },
  });
  pool = { generation: egressGeneration(), agent };
  return agent;
}

/**
 * fetch through the egress guard: http(s) only, every hop's address checked at connect time,
 * redirects followed here (at most `maxRedirects`) so each new URL is checked too, credentials
 * never sent across origins or from https down to http. Refusals reject with EgressRefusedError.
 */
export async function egressFetch(url: string | URL, request: EgressRequest = {}): Promise<Response> {
  const maxRedirects = request.maxRedirects ?? MAX_REDIRECTS;
  let current = new URL(url);
  let method: RedirectMethod = request.method ?? 'GET';
  let body = request.body;
  const headers = new Map(Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const credentialed = () => CREDENTIAL_HEADERS.some((name) => headers.has(name));
  for (let hop = 0; ; hop += 1) {
    assertFetchable(current);
    const response = await fetchOnce(current, {
      method,
      headers: Object.fromEntries(headers),
      ...(body !== undefined && { body }),
      ...(request.signal !== undefined && { signal: request.signal }),
    });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null || maxRedirects === 0) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= maxRedirects) {
      throw new EgressRefusedError(
        describeUrl(url),
        `${describeUrl(url)} was refused: it redirected more than ${maxRedirects} times`,
      );
    }
    const next = planRedirect(current, location, response.status, method, credentialed());
    if (next.dropCredentials) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    if (next.dropBody) {
      body = undefined;
      headers.delete('content-type');
    }
    method = next.method;
    current = next.url;
  }
}

function assertFetchable(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EgressRefusedError(
      describeUrl(url),
      `${describeUrl(url)} was refused: only http and https URLs are fetched`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) assertAddressAllowed(host, describeUrl(url));
}

async function fetchOnce(url: URL, init: Parameters<typeof fetch>[1] & object): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'manual', dispatcher: dispatcher() });
  } catch (error) {
    // fetch rejects with "fetch failed"; a refusal from the connector is the cause, said with the URL.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof EgressRefusedError) {
      throw cause.address === undefined ? cause : addressRefused(describeUrl(url), cause.address);
    }
    throw error;
  }
}
