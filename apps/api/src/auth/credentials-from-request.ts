import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'wf_session';
/** A kiosk screen's token, moved out of its wall URL into an HttpOnly cookie on first load. */
export const KIOSK_COOKIE = 'wf_kiosk';

/**
 * The bearer secret a client presents: `Authorization: Bearer <token>` (scripts, load tests),
 * or a cookie: the session's (the web app), else the kiosk's (a wall screen). The same for HTTP
 * requests and socket.io handshakes.
 */
export function credentialFrom(headers: IncomingHttpHeaders, explicitToken?: unknown): string | undefined {
  if (typeof explicitToken === 'string' && explicitToken !== '') return explicitToken;
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim() || undefined;
  return cookieValue(headers.cookie, SESSION_COOKIE) ?? cookieValue(headers.cookie, KIOSK_COOKIE);
}

/**
 * Whether the request would be authenticated by a cookie the browser attached by itself: the
 * kind a forged cross-site request carries. A bearer header is never sent by a browser uninvited.
 */
export function authenticatesByCookie(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization?.startsWith('Bearer ')) return false;
  return (
    cookieValue(headers.cookie, SESSION_COOKIE) !== undefined || cookieValue(headers.cookie, KIOSK_COOKIE) !== undefined
  );
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
