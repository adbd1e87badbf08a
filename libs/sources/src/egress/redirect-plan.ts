import { EgressRefusedError, describeUrl } from './egress-errors';

export type RedirectMethod = 'GET' | 'POST';

/** How the next hop of a redirect is asked. */
export interface RedirectHop {
  url: URL;
  method: RedirectMethod;
  /** A 303, or a 301/302 after a POST, turns into a GET without the body (as browsers do). */
  dropBody: boolean;
  /** Another origin never sees the Authorization or Cookie meant for the first. */
  dropCredentials: boolean;
}

/**
 * Where a redirect leads and how to ask there, or EgressRefusedError when a request that carries
 * credentials would go from https down to http. The new URL's address is checked as it connects.
 */
export function planRedirect(
  from: URL,
  location: string,
  status: number,
  method: RedirectMethod,
  credentialed: boolean,
): RedirectHop {
  const url = new URL(location, from);
  if (credentialed && from.protocol === 'https:' && url.protocol === 'http:') {
    throw new EgressRefusedError(
      describeUrl(from),
      `${describeUrl(from)} was refused: it redirected from https to http (${describeUrl(url)}), ` +
        'which would expose the credentials',
    );
  }
  const toGet = status === 303 || ((status === 301 || status === 302) && method === 'POST');
  return {
    url,
    method: toGet ? 'GET' : method,
    dropBody: toGet,
    dropCredentials: url.origin !== from.origin,
  };
}
