import { useEffect, useState } from 'react';
import { BUILT_IN_WALL_LAYOUT } from '@watchfloor/contracts';
import type { WallLayoutView } from '@watchfloor/contracts';
import { ApiError, apiFetch } from '../api/http';

/** Layouts change rarely; a screen picks up an edit within this. */
const REFRESH_MS = 60_000;
const BUILT_IN: WallLayoutView = { ...BUILT_IN_WALL_LAYOUT, updatedAt: '1970-01-01T00:00:00.000Z' };

/**
 * The layout this screen shows: `?layout=<id>` if the URL names one, else the screen's own, else
 * the default (the API decides). An API without stored layouts (404) means the built-in one.
 * Null until the first answer, so a screen does not flash the built-in layout before its own.
 */
export function useWallLayout(token: string | undefined, layoutId: string | null): WallLayoutView | null {
  const [layout, setLayout] = useState<WallLayoutView | null>(null);
  useEffect(() => {
    let stopped = false;
    const path = layoutId === null ? '/wall/layout' : `/wall/layout?layout=${encodeURIComponent(layoutId)}`;
    const read = () =>
      apiFetch<WallLayoutView>(path, token === undefined ? {} : { token }).then(
        (found) => !stopped && setLayout(found),
        (error: unknown) => {
          // 401 is the socket's to handle (the screen goes dark); otherwise show something and retry.
          if (!stopped && !(error instanceof ApiError && error.status === 401)) {
            setLayout((current) => current ?? BUILT_IN);
          }
        },
      );
    void read();
    const refresh = setInterval(() => void read(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(refresh);
    };
  }, [token, layoutId]);
  return layout;
}
