import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server, to take the server away from a system under test without
 * touching the server itself (others share it): `cut()` drops every connection and refuses new
 * ones, as a dead host does; `restore()` lets them through again.
 */
export class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private cutOff = false;
  /** Connections refused while cut: proof the system kept trying. */
  refusedWhileCut = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  get port(): number {
    const address = this.server?.address();
    if (address === null || typeof address !== 'object') throw new Error('the proxy is not listening');
    return address.port;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => this.pass(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  cut(): void {
    this.cutOff = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.cutOff = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private pass(client: Socket): void {
    if (this.cutOff) {
      this.refusedWhileCut++;
      // A reset, as from a host with nothing listening.
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
