import { useEffect, useState } from 'react';
import { ApiError, apiFetch } from '../api/http';
import type { WebPrincipal } from './principal';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; message: string }
  | { status: 'signed-in'; principal: WebPrincipal };

/** Who is signed in, asked of the server (the session cookie is HttpOnly: the page cannot read it). */
export function usePrincipal(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    apiFetch<WebPrincipal>('/auth/me').then(
      (principal) => !cancelled && setState({ status: 'signed-in', principal }),
      (error: unknown) => {
        if (cancelled) return;
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: 'signed-out' }
            : { status: 'error', message: error instanceof Error ? error.message : String(error) },
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

export function goToLogin(): void {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}
