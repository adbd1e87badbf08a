import { useEffect } from 'react';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ClientEvent, LiveEvent, UNAUTHORIZED } from '@watchfloor/contracts';
import type { ClientToServerEvents, ServerToClientEvents } from '@watchfloor/contracts';
import type { MentionStreamStore } from './mention-stream-store';
import { STREAM_LENGTH } from './mention-stream';
import type { ConsoleActions } from './console-actions';
import type { ConsoleStore } from './console-store';
import type { PresenceReporter } from './presence-reporter';
import type { TriageClient } from './triage-client';

/** If the socket cannot connect by then (a proxy without websockets, say), the inbox is read over HTTP anyway. */
const CONNECT_GRACE_MS = 3_000;

export interface ConsoleLive {
  store: ConsoleStore;
  actions: ConsoleActions;
  presence: PresenceReporter;
  /** The mentions coming in, flagged or not, for the stream shown while no item is open. */
  stream: MentionStreamStore;
  client: TriageClient;
  onSignedOut: () => void;
}

/**
 * Owns the console's one socket: merges items as they change, who is where, and the live mention
 * stream into their stores, says where this person is, and on every (re)connect reads the inbox,
 * the open item and the newest mentions again (after joining the rooms, so nothing changed in
 * between is missed). A refused or revoked session goes back to the sign-in page.
 */
export function useConsoleLive({ store, actions, presence, stream, client, onSignedOut }: ConsoleLive): void {
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    const signOut = () => {
      socket.disconnect();
      onSignedOut();
    };
    const grace = setTimeout(() => {
      if (!socket.connected) void actions.reloadList();
    }, CONNECT_GRACE_MS);
    socket.on('connect', () => {
      store.setConnection('live');
      presence.connect((update) => socket.emit(ClientEvent.Presence, update));
      presence.resend();
      void actions.reloadList();
      const open = store.getSnapshot().selectedId;
      if (open !== null) void actions.loadDetail(open);
      client.recentMentions(STREAM_LENGTH).then(
        // The stream has no chart here: no volume to load.
        (recent) => stream.loadSnapshot(recent, [], Date.now()),
        // The stream goes on live; the next reconnect reads it again.
        () => undefined,
      );
    });
    socket.on('connect_error', (error) => {
      if (error.message === UNAUTHORIZED) signOut();
    });
    socket.on('disconnect', (reason) => {
      presence.connect(null);
      store.setConnection('reconnecting');
      // After a server-side disconnect socket.io waits to be told to reconnect.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on(LiveEvent.AccessRevoked, signOut);
    socket.on(LiveEvent.TriageItems, ({ items }) => store.receiveItems(items));
    socket.on(LiveEvent.TriagePresence, (event) => store.receivePresence(event));
    socket.on(LiveEvent.Mentions, ({ mentions }) => stream.receive(mentions));
    return () => {
      clearTimeout(grace);
      // Leaving the page leaves the item: others stop seeing this person there at once.
      presence.open(null);
      presence.connect(null);
      presence.dispose();
      socket.close();
    };
  }, [store, actions, presence, stream, client, onSignedOut]);
}
