import { Logger } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import type { OnGatewayConnection } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { LiveRoom } from '@watchfloor/contracts';
import type { ClientToServerEvents, ServerToClientEvents } from '@watchfloor/contracts';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * Puts each client in the rooms it may see; events arrive through the Redis adapter from the
 * workers. Access control by role joins here with the accounts work.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  async handleConnection(client: LiveSocket): Promise<void> {
    await client.join(LiveRoom.Wall);
    this.logger.debug({ socketId: client.id }, 'wall connected');
  }
}
