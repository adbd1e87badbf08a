import type Redis from 'ioredis';
import { ChangeAnnouncements } from './change-announcements';

/**
 * The active sentiment adaptation changed (a training activated one, an admin activated, rolled
 * back or went back to the bundled model): every API and worker process loads it at once.
 */
export class SentimentAdaptationChannel extends ChangeAnnouncements {
  constructor(redis: Redis, prefix: string) {
    super(redis, prefix, 'sentiment-adaptation-changed');
  }
}
