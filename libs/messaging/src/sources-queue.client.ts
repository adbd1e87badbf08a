import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { JobPayloads, PollSourceJob, ReconcileSourcesJob, RunStreamJob } from '@watchfloor/contracts';
import type { PollSchedule } from '@watchfloor/sources';

type SourcesJobData = PollSourceJob | ReconcileSourcesJob;

/** How often the reconciler runs by itself, besides when the API asks after a change. */
export const RECONCILE_EVERY_MS = 30_000;
const RECONCILE_SCHEDULE_ID = 'reconcile-sources';

/**
 * A poll that fails waits for its next scheduled run rather than retrying at once: the schedule is
 * the retry, and hammering a platform that just said 429 or 503 only makes it worse.
 */
const POLL_JOB_OPTIONS = { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 500 } };
/** Stream jobs leave no record behind, so the reconciler can start one again under the same id. */
const STREAM_JOB_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** The sources' schedules and stream jobs in BullMQ: every worker shares them, none runs one twice. */
export class SourcesQueueClient {
  // Typed by string: BullMQ types scheduler ids with the job-name type.
  private readonly sources: Queue<SourcesJobData, unknown, string>;
  private readonly streams: Queue<JobPayloads[JobName.RunStream], unknown, JobName.RunStream>;

  constructor(connection: Redis, prefix: string) {
    this.sources = new Queue(QueueName.Sources, { connection, prefix });
    this.streams = new Queue(QueueName.Streams, { connection, prefix });
  }

  /** Makes the poll schedules exactly these: adds the missing, retimes the changed, removes the rest. */
  async syncPollSchedules(wanted: PollSchedule[]): Promise<{ added: number; removed: number }> {
    const existing = await this.sources.getJobSchedulers(0, -1);
    const byId = new Map(existing.map((scheduler) => [scheduler.key, scheduler]));
    const wantedIds = new Set(wanted.map((schedule) => schedule.id));
    let added = 0;
    let removed = 0;
    for (const schedule of wanted) {
      if (byId.get(schedule.id)?.every === schedule.everyMs) continue;
      const data: PollSourceJob = { sourceId: schedule.sourceId, queryId: schedule.queryId };
      await this.sources.upsertJobScheduler(
        schedule.id,
        { every: schedule.everyMs },
        { name: JobName.PollSource, data, opts: POLL_JOB_OPTIONS },
      );
      added++;
    }
    for (const scheduler of existing) {
      if (scheduler.key === RECONCILE_SCHEDULE_ID || wantedIds.has(scheduler.key)) continue;
      await this.sources.removeJobScheduler(scheduler.key);
      removed++;
    }
    return { added, removed };
  }

  /** Starts a stream job for each source that has none; the job id is the source's, so never two. */
  async ensureStreams(sourceIds: string[]): Promise<void> {
    if (sourceIds.length === 0) return;
    await this.streams.addBulk(
      sourceIds.map((sourceId) => ({
        name: JobName.RunStream,
        data: { sourceId } satisfies RunStreamJob,
        opts: { ...STREAM_JOB_OPTIONS, jobId: streamJobId(sourceId) },
      })),
    );
  }

  /** Keeps the reconciler running every RECONCILE_EVERY_MS, whichever worker takes it. */
  async scheduleReconcile(): Promise<void> {
    await this.sources.upsertJobScheduler(
      RECONCILE_SCHEDULE_ID,
      { every: RECONCILE_EVERY_MS },
      { name: JobName.ReconcileSources, data: {}, opts: POLL_JOB_OPTIONS },
    );
  }

  /**
   * Asks for a reconcile now, after a change to sources or queries. Not deduplicated: reconciling
   * is idempotent and cheap, and a merged request could miss a change made while one was running.
   */
  async requestReconcile(): Promise<void> {
    await this.sources.add(JobName.ReconcileSources, {}, POLL_JOB_OPTIONS);
  }

  /** Runs one poll now, outside its schedule (an admin's "poll now"). */
  async pollNow(job: PollSourceJob): Promise<void> {
    await this.sources.add(JobName.PollSource, job, POLL_JOB_OPTIONS);
  }

  async close(): Promise<void> {
    await Promise.all([this.sources.close(), this.streams.close()]);
  }
}

export function streamJobId(sourceId: string): string {
  return `stream-${sourceId}`;
}
