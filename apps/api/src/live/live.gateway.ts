import { Inject, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Permission, hasPermission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import {
  ClientEvent,
  LiveEvent,
  LiveRoom,
  UNAUTHORIZED,
  credentialRoom,
  teamRoom,
  userRoom,
} from '@watchfloor/contracts';
import type { ClientToServerEvents, PresenceEntry, ServerToClientEvents } from '@watchfloor/contracts';
import { AuthenticationService } from '../auth/authentication.service';
import { credentialFrom } from '../auth/credentials-from-request';
import { LiveDeliveryMetrics } from '../metrics/live-delivery.metrics';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG } from '@watchfloor/nest-runtime';
import { PresenceService } from './presence.service';
import { SlowClientPolicy } from './slow-client-policy';
import { consoleRoomsOf, isConsoleRoom } from './console-rooms';

function endedBecause(principal: Principal): string {
  if (Date.parse(principal.expiresAt) > Date.now()) return 'your access ended';
  return principal.kind === 'user' ? 'your session expired' : 'this screen’s link expired: ask an admin for a new one';
}

/** Screens ask for the frame feed; everyone else (consoles, load tests) gets every mention. */
function feedRoom(auth: unknown): LiveRoom {
  const feed = (auth as { feed?: unknown } | undefined)?.feed;
  return feed === 'frames' ? LiveRoom.WallFrames : LiveRoom.Wall;
}

/** setTimeout's longest delay (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
const MIN_RECHECK_MS = 1_000;

/** Presence entries are re-written this often; readers drop entries not refreshed for 90 s. */
const PRESENCE_REFRESH_MS = 30_000;

interface SocketData {
  principal: Principal;
  /** The secret it connected with, kept in memory to re-check the principal when its access changes. */
  credential: string;
  expiryTimer?: NodeJS.Timeout;
  /** The triage item this console is at, and the team whose room hears about it. */
  presence?: { itemId: string; teamId: string; entry: PresenceEntry };
}
/** Between API instances, through the Redis adapter: whose sockets to re-check. */
interface ServerSideEvents {
  'access.recheck': (userIds: string[]) => void;
}
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;
type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;

/**
 * Authenticates every socket at the handshake (the same credentials as HTTP) and puts it only in
 * the rooms its principal may see. Events arrive through the Redis adapter from the workers.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() private readonly server!: LiveServer;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly slowClients: SlowClientPolicy;

  constructor(
    private readonly authentication: AuthenticationService,
    private readonly presence: PresenceService,
    private readonly deliveries: LiveDeliveryMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.slowClients = new SlowClientPolicy(config.live.clientMaxQueuedBytes);
  }

  afterInit(server: LiveServer): void {
    this.refreshTimer = setInterval(() => void this.refreshPresence(), PRESENCE_REFRESH_MS);
    server.on('access.recheck', (userIds) => void this.recheckLocal(userIds));
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const credential = credentialFrom(socket.handshake.headers, token);
      this.authentication.resolve(credential).then(
        (principal) => {
          if (principal === null || credential === undefined) return next(new Error(UNAUTHORIZED));
          socket.data.principal = principal;
          socket.data.credential = credential;
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  async handleConnection(client: LiveSocket): Promise<void> {
    const { principal } = client.data;
    this.slowClients.watch(client.conn, (queuedBytes) => {
      this.logger.warn({ socketId: client.id, queuedBytes }, 'live client not keeping up: cut off, it will resync');
      // Discarding what is queued: a plain close would wait for the stalled client to take it all.
      client.conn.close(true);
    });
    const rooms = [
      credentialRoom(
        principal.kind === 'user'
          ? { kind: 'session', id: principal.sessionId }
          : { kind: 'kiosk', id: principal.kioskId },
      ),
    ];
    if (hasPermission(principal, Permission.ViewWall)) {
      const room = feedRoom(client.handshake.auth);
      rooms.push(room);
      if (room === LiveRoom.Wall) client.onAnyOutgoing(this.deliveries.observeOutgoing);
    }
    if (principal.kind === 'user') rooms.push(userRoom(principal.userId), ...consoleRoomsOf(principal));
    this.recheckAtExpiry(client);
    await client.join(rooms);
    this.logger.debug({ socketId: client.id, principal: principal.kind, rooms }, 'live client connected');
  }

  async handleDisconnect(client: LiveSocket): Promise<void> {
    clearTimeout(client.data.expiryTimer);
    await this.leaveItem(client);
  }

  onModuleDestroy(): void {
    clearInterval(this.refreshTimer);
  }

  /** A console says which item it is at (viewing or replying), or none: the item's team sees it live. */
  @SubscribeMessage(ClientEvent.Presence)
  async onPresence(@ConnectedSocket() client: LiveSocket, @MessageBody() update: unknown): Promise<void> {
    const accepted = await this.presence.accept(client.data.principal, update);
    if (accepted === null) return;
    const { itemId, teamId, entry } = accepted;
    const current = client.data.presence;
    if (current !== undefined && current.itemId !== itemId) await this.leaveItem(client);
    if (itemId === null || teamId === null) return;
    client.data.presence = { itemId, teamId, entry };
    this.announce(itemId, teamId, await this.presence.enter(itemId, entry));
  }

  /**
   * The access of these users changed (teams, role, account): every socket of theirs, on every
   * API instance, is checked again, leaves the rooms it may no longer hear and joins the new ones,
   * or is dropped when its credential no longer works.
   */
  async recheckUsers(userIds: readonly string[]): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    this.server.serverSideEmit('access.recheck', unique);
    await this.recheckLocal(unique);
  }

  /** Tells every socket of a credential, on every API instance, that it is over, and drops them. */
  revoke(credential: { kind: 'session' | 'kiosk'; id: string }, reason: string): void {
    const room = credentialRoom(credential);
    this.logger.log({ room }, 'ending live access');
    this.server.to(room).emit(LiveEvent.AccessRevoked, { reason });
    this.server.in(room).disconnectSockets(true);
  }

  private async leaveItem(client: LiveSocket): Promise<void> {
    const current = client.data.presence;
    if (current === undefined) return;
    client.data.presence = undefined;
    this.announce(current.itemId, current.teamId, await this.presence.leave(current.itemId, current.entry.userId));
  }

  private announce(itemId: string, teamId: string, people: PresenceEntry[]): void {
    this.server.to([teamRoom(teamId), LiveRoom.TriageAll]).emit(LiveEvent.TriagePresence, { itemId, people });
  }

  private async refreshPresence(): Promise<void> {
    const sockets = await this.server.local.fetchSockets();
    const at = sockets.flatMap((socket) => (socket.data.presence === undefined ? [] : [socket.data.presence]));
    const userIds = sockets.flatMap((socket) =>
      socket.data.principal.kind === 'user' ? [socket.data.principal.userId] : [],
    );
    await this.presence
      .refresh(at, [...new Set(userIds)])
      .catch((error: Error) => this.logger.warn(`presence not refreshed: ${error.message}`));
  }

  private async recheckLocal(userIds: readonly string[]): Promise<void> {
    const wanted = new Set(userIds);
    const sockets = [...this.server.sockets.sockets.values()].filter(
      (socket) => socket.data.principal?.kind === 'user' && wanted.has(socket.data.principal.userId),
    );
    await Promise.all(sockets.map((socket) => this.recheckSocket(socket)));
  }

  private async recheckSocket(client: LiveSocket): Promise<void> {
    const principal = await this.authentication.resolve(client.data.credential).catch((error: Error) => {
      this.logger.warn({ socketId: client.id, error: error.message }, 'live access not re-checked');
      return undefined;
    });
    if (principal === undefined) return;
    if (principal === null) return this.end(client, endedBecause(client.data.principal));
    client.data.principal = principal;
    const keep = new Set(principal.kind === 'user' ? consoleRoomsOf(principal) : []);
    for (const room of [...client.rooms]) if (isConsoleRoom(room) && !keep.has(room)) await client.leave(room);
    await client.join([...keep]);
    const at = client.data.presence;
    if (at !== undefined && !keep.has(teamRoom(at.teamId)) && !keep.has(LiveRoom.TriageAll))
      await this.leaveItem(client);
    this.recheckAtExpiry(client);
    this.logger.debug({ socketId: client.id, rooms: [...client.rooms] }, 'live access re-checked');
  }

  /**
   * A session or a kiosk token ends at its expiry even for a socket that stays connected. At
   * least a second apart, so a database clock a little behind ours cannot make a busy loop;
   * setTimeout holds at most ~24.8 days, so a longer-lived kiosk token is checked again then.
   */
  private recheckAtExpiry(client: LiveSocket): void {
    clearTimeout(client.data.expiryTimer);
    const remaining = Date.parse(client.data.principal.expiresAt) - Date.now();
    const delay = Math.min(Math.max(remaining, MIN_RECHECK_MS), MAX_TIMER_MS);
    client.data.expiryTimer = setTimeout(() => void this.recheckSocket(client), delay);
  }

  private end(client: LiveSocket, reason: string): void {
    client.emit(LiveEvent.AccessRevoked, { reason });
    client.disconnect(true);
  }
}
