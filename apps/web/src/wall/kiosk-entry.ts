import { apiFetch } from '../api/http';

/** Remembers, for this browser, that it is a wall screen: a refused screen says so rather than asking to sign in. */
const KIOSK_MARKER = 'watchfloor.kiosk-screen';

let taken: { token: string | undefined } | undefined;

/**
 * Takes the kiosk token out of the address bar (and so out of the history and any screenshot)
 * before anything else runs, keeping the rest of the URL (`?layout`, `?scene`). Returns it, or
 * undefined when the URL carries none; the same on every call (React may render twice).
 */
export function takeKioskTokenFromUrl(): string | undefined {
  taken ??= { token: removeTokenFromUrl() };
  return taken.token;
}

function removeTokenFromUrl(): string | undefined {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('kiosk');
  if (token === null) return undefined;
  url.searchParams.delete('kiosk');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token;
}

/** Trades the token for the HttpOnly kiosk cookie; later requests and the socket carry the cookie. */
export async function enterAsKiosk(token: string): Promise<void> {
  await apiFetch('/auth/kiosk', { method: 'POST', body: { token } });
  window.localStorage.setItem(KIOSK_MARKER, '1');
}

export function isKioskScreen(): boolean {
  return window.localStorage.getItem(KIOSK_MARKER) === '1';
}
