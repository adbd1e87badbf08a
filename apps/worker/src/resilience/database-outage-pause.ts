import type { Logger } from '@nestjs/common';
import { Worker } from 'bullmq';
import { isDatabaseUnavailable } from '@watchfloor/persistence';

/**
 * How long a queue rests after its job met an unreachable PostgreSQL before it tries again. Short
 * enough that work resumes within seconds of the database coming back; long enough not to spin.
 */
export const DATABASE_OUTAGE_PAUSE_MS = 2_000;

/**
 * Runs a job's work; if it fails only because PostgreSQL is unreachable, the job goes back to
 * waiting without using one of its attempts, and this worker rests before taking another. An
 * outage of any length is then waited out: five attempts would otherwise be burnt in seconds and
 * the batch dead-lettered (or, as the dead-letter table is in the same database, left in Redis'
 * failed set) though nothing was wrong with it.
 */
export async function waitOutDatabaseOutage<T>(
  worker: Pick<Worker, 'rateLimit'> | undefined,
  logger: Pick<Logger, 'warn'>,
  work: () => Promise<T>,
  pauseMs = DATABASE_OUTAGE_PAUSE_MS,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (worker === undefined || !isDatabaseUnavailable(error)) throw error;
    logger.warn({ error: (error as Error).message, pauseMs }, 'PostgreSQL is unreachable: the job waits for it');
    // The queue-wide limiter key; BullMQ moves the job back to waiting, its attempts untouched.
    await worker.rateLimit(pauseMs);
    throw Worker.RateLimitError();
  }
}
