import type { RequestHandler } from 'express';
import { authenticatesByCookie } from '../auth/credentials-from-request';

/** Methods that change something. GET, HEAD and OPTIONS change nothing here, so they need no check. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses what a page on another site could make a signed-in browser send (CSRF):
 * - under `/api` a body must be JSON (415 otherwise): an HTML form can only send urlencoded,
 *   multipart or text/plain bodies, and a cross-site script sending JSON is stopped by CORS;
 * - a request that rides on a cookie must come from a page of PUBLIC_URL: Origin (or, where a
 *   browser sends none, Referer) must be that origin (403 otherwise). Without either, a
 *   cookie-borne change is refused too; bearer-token clients (scripts, the CLI) send no cookie
 *   and are unaffected.
 * SameSite=Strict cookies already keep most browsers from attaching them cross-site; this holds
 * where they do not (older browsers, same-site subdomains).
 */
export function refuseCrossSiteRequests(publicUrl: string): RequestHandler {
  const allowedOrigin = new URL(publicUrl).origin;
  return (request, response, next) => {
    if (!STATE_CHANGING.has(request.method)) return next();
    if (request.path.startsWith('/api/') && hasBody(request.headers) && !isJson(request.headers['content-type'])) {
      response.status(415).json({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'Send the request body as JSON (Content-Type: application/json)',
      });
      return;
    }
    if (!authenticatesByCookie(request.headers)) return next();
    const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
    if (origin === allowedOrigin) return next();
    response.status(403).json({
      statusCode: 403,
      error: 'Forbidden',
      message:
        origin === undefined
          ? `A signed-in change must come from a page of ${allowedOrigin} (no Origin or Referer was sent)`
          : `A signed-in change must come from a page of ${allowedOrigin}, not ${origin}: open Watchfloor at PUBLIC_URL`,
    });
  };
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.startsWith('application/') === true && type.endsWith('+json'));
}

function originOf(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value === '' || value === 'null') return value === 'null' ? 'null' : undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
