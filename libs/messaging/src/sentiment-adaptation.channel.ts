import type Redis from 'ioredis';

/**
 * Tells every API and worker process that the active sentiment adaptation changed (a training
 * activated one, an admin activated, rolled back or went back to the bundled model), so each loads
 * it at once rather than on its next periodic check.
 */
export class SentimentAdaptationChannel {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private get channel(): string {
    return `${this.prefix}:sentiment-adaptation-changed`;
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
