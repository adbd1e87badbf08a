import type Redis from 'ioredis';

/**
 * Tells every process that something they keep in memory changed, so each reloads it at once
 * rather than on its next periodic check. Pub/sub only: a process that missed an announcement
 * (Redis away) still catches up on its own schedule.
 */
export class ChangeAnnouncements {
  private readonly channel: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    topic: string,
  ) {
    this.channel = `${prefix}:${topic}`;
  }

  async announce(): Promise<void> {
    await this.redis.publish(this.channel, String(Date.now()));
  }

  /** Subscribes on a connection of its own (a subscribed connection can do nothing else); returns how to stop. */
  async listen(onChange: () => void): Promise<() => void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('message', (channel: string) => {
      if (channel === this.channel) onChange();
    });
    await subscriber.subscribe(this.channel);
    return () => subscriber.disconnect();
  }
}
