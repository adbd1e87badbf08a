/**
 * Queue and job names. NEVER RENAME a value: jobs already waiting in Redis under the old
 * name would be stranded with no worker to take them.
 */
export enum QueueName {
  Ingest = 'ingest',
  /** Polls of the sources, and the reconciler that keeps their schedules in step with the configuration. */
  Sources = 'sources',
  /** Long-lived push connections, one job per source for as long as it streams. */
  Streams = 'streams',
  /** The one long-lived analysis job: its lock keeps the analysis state in exactly one worker. */
  Analysis = 'analysis',
  /** Triage's own work: replies to post, grouped alerts to send, and the SLA clock's sweep. */
  Triage = 'triage',
  /** Retraining the installation's sentiment adaptation from the console's corrections: one at a time. */
  SentimentTraining = 'sentiment-training',
}

export enum JobName {
  IngestBatch = 'ingest-batch',
  PollSource = 'poll-source',
  ReconcileSources = 'reconcile-sources',
  RunStream = 'run-stream',
  RunAnalysis = 'run-analysis',
  SendReply = 'send-reply',
  SendAlert = 'send-alert',
  SweepTriage = 'sweep-triage',
  TrainSentimentAdaptation = 'train-sentiment-adaptation',
}

/**
 * A batch of mentions as a source offered them, not yet validated. Batches, never single
 * mentions: one job per mention caps the whole system near 30k/s before any work is done.
 */
export interface IngestBatchJob {
  /** Deterministic, so a source that re-sends a batch after a crash does not enqueue it twice. */
  batchId: string;
  source: string;
  /** Epoch milliseconds at which the source received these: where the latency clock starts. */
  receivedAt: number;
  mentions: unknown[];
}

/** One poll of a source: for one saved query, or (queryId null) for everything the source reads. */
export interface PollSourceJob {
  sourceId: string;
  queryId: string | null;
}

/** Brings the poll schedules and stream jobs in line with the enabled sources and queries. */
export type ReconcileSourcesJob = Record<string, never>;

export interface RunStreamJob {
  sourceId: string;
}

/** A reply written in the console, to post through the platform. The job id is the reply's id. */
export interface SendReplyJob {
  replyId: string;
}

/** One grouped alert message for one channel. The job id names the message, so it is sent once. */
export interface SendAlertJob {
  channelId: string;
  kind: 'flagged' | 'sla-breach';
  ruleId: string;
  ruleName: string;
  teamName: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  count: number;
  firstAt: string;
  lastAt: string;
  samples: { itemId: string; author: string; text: string; url: string; priority: 'P1' | 'P2' | 'P3' | 'P4' }[];
}

/**
 * Retrain the sentiment adaptation if there are corrections it has not learned from. Carries no
 * corrections: the trainer reads them from the database when it runs, so a queued request never
 * trains on a stale set.
 */
export interface TrainSentimentAdaptationJob {
  /** Who pressed "retrain now" (as the audit log names them); null for the schedule's periodic check. */
  requestedBy: string | null;
}

/** Maps every job name to its one payload type, so a wrong payload does not compile. */
export interface JobPayloads {
  [JobName.IngestBatch]: IngestBatchJob;
  [JobName.PollSource]: PollSourceJob;
  [JobName.ReconcileSources]: ReconcileSourcesJob;
  [JobName.RunStream]: RunStreamJob;
  [JobName.RunAnalysis]: Record<string, never>;
  [JobName.SendReply]: SendReplyJob;
  [JobName.SendAlert]: SendAlertJob;
  [JobName.SweepTriage]: Record<string, never>;
  [JobName.TrainSentimentAdaptation]: TrainSentimentAdaptationJob;
}

/** The most mentions one ingest job carries: ~100-200 KB of payload, cheap for Redis. */
export const MAX_MENTIONS_PER_BATCH = 200;
