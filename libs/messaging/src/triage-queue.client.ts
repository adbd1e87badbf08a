import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { JobPayloads, SendAlertJob } from '@watchfloor/contracts';
import { DEFAULT_JOB_OPTIONS } from './queue-options';

type TriageJobName = JobName.SendReply | JobName.SendAlert | JobName.SweepTriage;

/** SLA breaches are noticed within this long, and grouped alerts go out this often at most. */
export const SWEEP_EVERY_MS = 10_000;

/** Replies to post, alert messages to send and the SLA clock's sweep, each with retries. */
export class TriageQueueClient {
  private readonly queue: Queue<JobPayloads[TriageJobName], unknown, TriageJobName>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QueueName.Triage, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }

  /** The job id is the reply's: a reply is queued once however often this is called. */
  async sendReply(replyId: string): Promise<void> {
    await this.queue.add(JobName.SendReply, { replyId }, { jobId: `reply-${replyId}` });
  }

  /** `messageId` names the message (channel, rule, kind and its sequence number), so it is queued once; no ":" in it. */
  async sendAlert(messageId: string, alert: SendAlertJob): Promise<void> {
    await this.queue.add(JobName.SendAlert, alert, { jobId: messageId });
  }

  /** Keeps the sweep running every SWEEP_EVERY_MS, whichever worker takes it. */
  async scheduleSweep(everyMs = SWEEP_EVERY_MS): Promise<void> {
    await this.queue.upsertJobScheduler(
      // One scheduler, named after its job.
      JobName.SweepTriage,
      { every: everyMs },
      { name: JobName.SweepTriage, data: {}, opts: { attempts: 1, removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
