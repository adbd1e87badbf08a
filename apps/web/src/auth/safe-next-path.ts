const DEFAULT_PATH = '/console';

/**
 * Where to go after signing in: only a path on this site. A crafted `?next=` must not send people
 * elsewhere, and a prefix check is not enough: browsers read `/\evil.example` and `/\t/evil.example`
 * as `//evil.example`, so the path is resolved the way the browser will and its origin compared.
 */
export function safeNextPath(next: string | null, origin: string): string {
  if (next === null || !next.startsWith('/')) return DEFAULT_PATH;
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : DEFAULT_PATH;
  } catch {
    return DEFAULT_PATH;
  }
}
