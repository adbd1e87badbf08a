import { IoAdapter } from '@nestjs/platform-socket.io';
import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { socketIoChannel } from '@watchfloor/messaging';

/**
 * socket.io over Redis pub/sub: events published by any worker, or emitted by any API
 * instance, reach the clients of every instance. This is what lets walls be served by many.
 */
export class RedisIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(
      createAdapter(this.redis.duplicate(), this.redis.duplicate(), { key: socketIoChannel(this.prefix) }),
    );
    return server;
  }
}
