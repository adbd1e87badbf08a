import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Permission, hasPermission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { LiveEvent, LiveRoom, UNAUTHORIZED, credentialRoom } from '@watchfloor/contracts';
import type { ClientToServerEvents, ServerToClientEvents } from '@watchfloor/contracts';
import { AuthenticationService } from '../auth/authentication.service';
import { credentialFrom } from '../auth/credentials-from-request';

interface SocketData {
  principal: Principal;
  expiryTimer?: NodeJS.Timeout;
}
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Authenticates every socket at the handshake (the same credentials as HTTP) and puts it only in
 * the rooms its principal may see. Events arrive through the Redis adapter from the workers.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() private readonly server!: LiveServer;

  constructor(private readonly authentication: AuthenticationService) {}

  afterInit(server: LiveServer): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.authentication.resolve(credentialFrom(socket.handshake.headers, token)).then(
        (principal) => {
          if (principal === null) return next(new Error(UNAUTHORIZED));
          socket.data.principal = principal;
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  async handleConnection(client: LiveSocket): Promise<void> {
    const { principal } = client.data;
    const rooms = [
      credentialRoom(
        principal.kind === 'user'
          ? { kind: 'session', id: principal.sessionId }
          : { kind: 'kiosk', id: principal.kioskId },
      ),
    ];
    if (hasPermission(principal, Permission.ViewWall)) rooms.push(LiveRoom.Wall);
    if (principal.kind === 'user') {
      rooms.push(...principal.teamIds.map((teamId) => `team:${teamId}`));
      // A session ends at its expiry even for a socket that stays connected.
      const remaining = Date.parse(principal.expiresAt) - Date.now();
      client.data.expiryTimer = setTimeout(() => this.end(client, 'your session expired'), Math.max(0, remaining));
    }
    await client.join(rooms);
    this.logger.debug({ socketId: client.id, principal: principal.kind, rooms }, 'live client connected');
  }

  handleDisconnect(client: LiveSocket): void {
    clearTimeout(client.data.expiryTimer);
  }

  /** Tells every socket of a credential, on every API instance, that it is over, and drops them. */
  revoke(credential: { kind: 'session' | 'kiosk'; id: string }, reason: string): void {
    const room = credentialRoom(credential);
    this.logger.log({ room }, 'ending live access');
    this.server.to(room).emit(LiveEvent.AccessRevoked, { reason });
    this.server.in(room).disconnectSockets(true);
  }

  private end(client: LiveSocket, reason: string): void {
    client.emit(LiveEvent.AccessRevoked, { reason });
    client.disconnect(true);
  }
}
