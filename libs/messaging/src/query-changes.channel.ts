import type Redis from 'ioredis';
import { ChangeAnnouncements } from './change-announcements';

/**
 * The saved queries changed: every worker recompiles its query tagger at once, so mentions
 * ingested right after a query is saved carry its tag.
 */
export class QueryChangesChannel extends ChangeAnnouncements {
  constructor(redis: Redis, prefix: string) {
    super(redis, prefix, 'queries-changed');
  }
}
