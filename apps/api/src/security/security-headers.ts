import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { QUEUE_DASHBOARD_PATH } from '../queue-dashboard/queue-dashboard.module';

/**
 * Security headers for everything the API serves: the JSON API, the built web app, the Swagger UI
 * and the queue dashboard.
 *
 * Post text and author names come from the public. The web app renders them as text, and the CSP is
 * the second wall should that ever slip: no inline or injected script runs, nothing loads from
 * another origin, no page can frame the console (clickjacking a "resolve" button).
 */
type Directives = Record<string, string[]>;

export const APP_CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  // Vite emits one external module script; nothing needs inline script or eval.
  'script-src': ["'self'"],
  // React's `style={}` props and recharts' text measuring set styles through the CSSOM, which CSP
  // allows; nothing in the app adds <style> elements or style="" attributes from markup.
  'style-src': ["'self'"],
  // No remote avatars or media: the app shows none. data: is for SVG and CSS-embedded icons.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // Same-origin fetches and socket.io's websocket: CSP Level 3 lets 'self' cover ws:/wss: to the
  // page's own host (Chromium, Firefox, Safari 15.4+), so no scheme-wide ws: wss: is needed.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  // No 'upgrade-insecure-requests': on a plain-http intranet install or a kiosk on
  // http://host:3000 it would rewrite the app's own asset URLs to https and break the page.
};

/**
 * Two pages of the server are third-party UIs whose markup carries inline styles, so on their paths
 * only, styles may be inline; their scripts are external files, so script-src stays 'self' there too
 * (checked in Chromium: every refusal under the strict policy was a style).
 * - Swagger UI (@nestjs/swagger): <style> blocks and style="" in its template, and swagger-ui adds
 *   <style> elements as it runs. It shows the API description, never post text.
 * - The queue dashboard (bull-board): style="" in its loading markup, and its React build adds
 *   <style> elements. It shows job payloads, which hold post text: React renders them as text, and
 *   with script still 'self' a payload can at most restyle the page, not run. Its Google Fonts
 *   stylesheet stays refused (nothing loads from another origin); the page falls back to system fonts.
 */
export const THIRD_PARTY_UI_CSP_DIRECTIVES: Directives = {
  ...APP_CSP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
};

const THIRD_PARTY_UI_PATHS = ['/api/docs', QUEUE_DASHBOARD_PATH];

function isThirdPartyUi(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0]!;
  return THIRD_PARTY_UI_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function headersWith(directives: Directives) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // Matches frame-ancestors 'none' for browsers that only read the older header.
    xFrameOptions: { action: 'deny' },
  });
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** One middleware for the whole server: the strict policy everywhere but the third-party UIs. */
export function securityHeaders(): Middleware {
  const app = headersWith(APP_CSP_DIRECTIVES);
  const thirdPartyUi = headersWith(THIRD_PARTY_UI_CSP_DIRECTIVES);
  return (request, response, next) => (isThirdPartyUi(request.url) ? thirdPartyUi : app)(request, response, next);
}
