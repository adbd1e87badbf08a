import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { LiveEvent, UNAUTHORIZED } from '@watchfloor/contracts';
import type { ClientToServerEvents, LiveMention, ServerToClientEvents } from '@watchfloor/contracts';
import { ApiError, apiFetch } from '../api/http';
import { LiveWallStore } from './live-wall-store';
import type { LiveWallSnapshot } from './live-wall-store';
import { CHART_MINUTES, STREAM_LENGTH } from './wall-store';
import type { VolumeSnapshot } from './wall-store';

export interface LiveWallOptions {
  /** A kiosk screen's token; without one the session cookie is used. */
  token?: string;
}

/**
 * Owns the wall's socket: joins the live stream, and on every (re)connect fetches what the
 * server holds, so a network drop or a server restart leaves no hole in the stream or chart.
 * socket.io reconnects by itself, with backoff. A refused or revoked credential ends it all.
 */
export function useLiveWall({ token }: LiveWallOptions): LiveWallSnapshot {
  const store = useMemo(() => new LiveWallStore(), []);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      ...(token !== undefined && { auth: { token } }),
    });
    const refuse = (reason: string) => {
      socket.disconnect();
      store.refuse(reason);
    };
    const catchUp = async () => {
      const fetchedAt = Date.now();
      try {
        const [recent, volume] = await Promise.all([
          apiFetch<LiveMention[]>(`/mentions/recent?limit=${STREAM_LENGTH}`, token === undefined ? {} : { token }),
          apiFetch<VolumeSnapshot[]>(`/stats/volume?minutes=${CHART_MINUTES}`, token === undefined ? {} : { token }),
        ]);
        store.loadSnapshot(recent, volume, fetchedAt);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) refuse('access refused');
        // Otherwise the live stream still flows; the next reconnect tries again.
      }
    };
    socket.on('connect', () => {
      store.setConnection('live');
      void catchUp();
    });
    socket.on('connect_error', (error) => {
      if (error.message === UNAUTHORIZED) refuse('access refused');
    });
    socket.on('disconnect', (reason) => {
      store.setConnection('reconnecting');
      // After a server-side disconnect socket.io waits to be told to reconnect.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on(LiveEvent.AccessRevoked, ({ reason }) => refuse(reason));
    socket.on(LiveEvent.Mentions, ({ mentions }) => store.receive(mentions));
    const ticker = setInterval(() => store.tick(Date.now()), 5_000);
    return () => {
      clearInterval(ticker);
      socket.close();
    };
  }, [store, token]);

  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
