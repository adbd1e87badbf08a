import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { LiveEvent, UNAUTHORIZED } from '@watchfloor/contracts';
import type { ClientToServerEvents, ServerToClientEvents } from '@watchfloor/contracts';
import { ApiError } from '../api/http';
import { WallFeedStore } from './wall-feed-store';
import type { WallFeedSnapshot } from './wall-feed-store';
import { wallFeedSource } from './wall-feed-source';

/** The API answers 503 while the feed restarts; it is back within seconds. */
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 15_000;

/**
 * Owns the wall's socket: asks for the frame feed (not every mention), and on every (re)connect
 * catches up from the last frame applied, retrying with backoff until the API answers, so a
 * network drop or a server restart leaves no gap and counts nothing twice. socket.io reconnects
 * by itself, with backoff. A refused or revoked credential ends it all.
 */
export function useLiveWall({ token }: { token?: string }): WallFeedSnapshot {
  const store = useMemo(() => new WallFeedStore(wallFeedSource(token)), [token]);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      auth: { ...(token !== undefined && { token }), feed: 'frames' },
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    const refuse = (reason: string) => {
      clearTimeout(retry);
      socket.disconnect();
      store.refuse(reason);
    };
    const resume = (delayMs: number) => {
      store.resume().then(
        () => {
          if (socket.connected) store.setConnection('live');
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) return refuse('access refused');
          if (!socket.connected) return; // the next connect resumes
          retry = setTimeout(() => resume(Math.min(delayMs * 2, MAX_RETRY_MS)), delayMs);
        },
      );
    };
    socket.on('connect', () => {
      clearTimeout(retry);
      resume(FIRST_RETRY_MS);
    });
    socket.on('connect_error', (error) => {
      if (error.message === UNAUTHORIZED) refuse('access refused');
    });
    socket.on('disconnect', (reason) => {
      clearTimeout(retry);
      store.setConnection('reconnecting');
      // After a server-side disconnect socket.io waits to be told to reconnect.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on(LiveEvent.AccessRevoked, ({ reason }) => refuse(reason));
    socket.on(LiveEvent.WallFrame, (frame) => store.receive(frame));
    return () => {
      clearTimeout(retry);
      socket.close();
    };
  }, [store, token]);

  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
