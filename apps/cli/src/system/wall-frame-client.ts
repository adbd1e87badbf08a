import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { LiveEvent } from '@watchfloor/contracts';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  WallFramesResponse,
  WallSnapshotResponse,
  WallState,
} from '@watchfloor/contracts';
import { WallFollower, minuteTotal } from '@watchfloor/wall';

/**
 * A screen without the pixels: follows the wall's frame feed as the web wall does (the same
 * follower), for system tests and benchmarks.
 */
export class WallFrameClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly follower: WallFollower;
  /** Frames delivered live, repeats included. */
  framesReceived = 0;
  private waiters: { check: (state: WallState) => boolean; resolve: () => void }[] = [];

  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {
    this.follower = new WallFollower(
      {
        snapshot: () => this.get<WallSnapshotResponse>('/api/wall/snapshot'),
        framesAfter: (frameId) => this.get<WallFramesResponse>(`/api/wall/frames?after=${encodeURIComponent(frameId)}`),
      },
      (state) => this.settle(state),
    );
    this.socket = io(apiUrl, {
      transports: ['websocket'],
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      auth: { token, feed: 'frames' },
    });
    this.socket.on('connect', () => void this.resume());
    this.socket.on(LiveEvent.WallFrame, (frame) => {
      this.framesReceived++;
      this.follower.receive(frame);
    });
  }

  /** Mentions counted in the state's window. */
  get totalMentions(): number {
    return this.follower.state.minutes.reduce((sum, minute) => sum + minuteTotal(minute), 0);
  }

  /** Resolves once the state satisfies `check`, or rejects after `timeoutMs`. */
  waitFor(check: (state: WallState) => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check(this.follower.state)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  close(): void {
    this.socket.close();
  }

  private async resume(): Promise<void> {
    // The feed answers 503 for a moment after a restart: try again until it is back or the socket goes.
    while (this.socket.connected) {
      try {
        await this.follower.resume();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private settle(state: WallState): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check(state)) return true;
      waiter.resolve();
      return false;
    });
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }
}
