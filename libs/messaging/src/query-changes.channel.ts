import type Redis from 'ioredis';

/**
 * Tells every worker that the saved queries changed, so each recompiles its query tagger at once
 * rather than on its next periodic refresh: mentions ingested right after a query is saved carry
 * its tag.
 */
export class QueryChangesChannel {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get channel(): string {
    return `${this.prefix}:queries-changed`;
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
