import { useEffect, useState } from 'react';
import type { WallQueryView } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';

const REFRESH_MS = 60_000;

/** The saved queries' names and kinds, to label share of voice; null until first read. */
export function useWallQueries(token: string | undefined): WallQueryView[] | null {
  const [queries, setQueries] = useState<WallQueryView[] | null>(null);
  useEffect(() => {
    let stopped = false;
    const read = () =>
      apiFetch<WallQueryView[]>('/wall/queries', token === undefined ? {} : { token }).then(
        (found) => !stopped && setQueries(found),
        // Keeps the names it has; the next read tries again.
        () => undefined,
      );
    void read();
    const refresh = setInterval(() => void read(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(refresh);
    };
  }, [token]);
  return queries;
}
