import type { DefaultJobOptions } from 'bullmq';

/**
 * Retries, backoff and retention for every job, set here and nowhere else. Five attempts with
 * exponential backoff ride out a PostgreSQL restart of about half a minute; completed jobs are
 * kept briefly (each costs Redis memory), failed ones for a week so they can be inspected.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** A job stalled (its worker died) this many times is failed rather than retried forever. */
export const MAX_STALLED_COUNT = 5;
