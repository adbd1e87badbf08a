import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { LiveEvent } from '@watchfloor/contracts';
import type { ClientToServerEvents, LiveMention, ServerToClientEvents } from '@watchfloor/contracts';
import { LiveWallStore } from './live-wall-store';
import type { LiveWallSnapshot } from './live-wall-store';
import { CHART_MINUTES, STREAM_LENGTH } from './wall-store';
import type { VolumeSnapshot } from './wall-store';

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Owns the wall's socket: joins the live stream, and on every (re)connect fetches what the
 * server holds, so a network drop or a server restart leaves no hole in the stream or chart.
 * socket.io reconnects by itself, with backoff.
 */
export function useLiveWall(): LiveWallSnapshot {
  const store = useMemo(() => new LiveWallStore(), []);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    const catchUp = async () => {
      const fetchedAt = Date.now();
      try {
        const [recent, volume] = await Promise.all([
          fetchJson<LiveMention[]>(`/api/mentions/recent?limit=${STREAM_LENGTH}`),
          fetchJson<VolumeSnapshot[]>(`/api/stats/volume?minutes=${CHART_MINUTES}`),
        ]);
        store.loadSnapshot(recent, volume, fetchedAt);
      } catch {
        // The live stream still flows; the next reconnect tries again.
      }
    };
    socket.on('connect', () => {
      store.setConnection('live');
      void catchUp();
    });
    socket.on('disconnect', (reason) => {
      store.setConnection('reconnecting');
      // After a server-side disconnect socket.io waits to be told to reconnect.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on(LiveEvent.Mentions, ({ mentions }) => store.receive(mentions));
    const ticker = setInterval(() => store.tick(Date.now()), 5_000);
    return () => {
      clearInterval(ticker);
      socket.close();
    };
  }, [store]);

  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
