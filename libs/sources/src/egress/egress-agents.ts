import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { assertAddressAllowed, guardedLookup } from './egress-guard';

type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

/**
 * Checks where a socket goes before it opens: an address literal here (Node skips `lookup` for
 * those), a host name through the guarded lookup, at connect time.
 */
function guardConnection(
  options: http.ClientRequestArgs,
  scheme: 'http' | 'https',
  callback: ConnectionCallback | undefined,
): boolean {
  const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
  const where = `${scheme}://${isIP(host) === 6 ? `[${host}]` : host}${options.port ? `:${options.port}` : ''}`;
  if (isIP(host) !== 0) {
    try {
      assertAddressAllowed(host, where);
    } catch (error) {
      // Through the callback, so the request emits 'error' rather than throwing from http.request().
      callback?.(error as Error, undefined as unknown as Duplex);
      return false;
    }
  }
  options.lookup = guardedLookup(where);
  return true;
}

/**
 * An https.Agent whose every connection passes the egress guard: for libraries that take an agent
 * rather than a fetch (twitter-api-v2, ws). TLS options (a test CA) pass through.
 */
export class EgressHttpsAgent extends https.Agent {
  /** A plain https.Agent lacks it, so it is not accepted where a guarded one is asked for. */
  readonly egressGuarded = true;

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback): Duplex | null | undefined {
    if (!guardConnection(options, 'https', callback)) return undefined;
    return super.createConnection(options, callback);
  }
}

/** The same for plain http (ws:// streams of local fakes, an http feed). */
export class EgressHttpAgent extends http.Agent {
  readonly egressGuarded = true;

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): Duplex | null | undefined {
    if (!guardConnection(options, 'http', callback)) return undefined;
    return super.createConnection(options, callback);
  }
}

/** The guarded agent for a URL's scheme (http:/ws: or https:/wss:). */
export function egressAgentFor(url: string | URL, tls: https.AgentOptions = {}): http.Agent {
  const protocol = new URL(url).protocol;
  return protocol === 'https:' || protocol === 'wss:' ? new EgressHttpsAgent(tls) : new EgressHttpAgent();
}
