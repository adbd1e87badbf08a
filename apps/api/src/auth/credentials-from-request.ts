import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'wf_session';

/**
 * The bearer secret a client presents: `Authorization: Bearer <token>` (scripts, kiosk screens)
 * or the session cookie (the web app). The same for HTTP requests and socket.io handshakes.
 */
export function credentialFrom(headers: IncomingHttpHeaders, explicitToken?: unknown): string | undefined {
  if (typeof explicitToken === 'string' && explicitToken !== '') return explicitToken;
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim() || undefined;
  return cookieValue(headers.cookie, SESSION_COOKIE);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
