export * from './redis-connection';
export * from './queue-options';
export * from './ingest-queue.client';
export * from './live-publisher.client';
export * from './sources-queue.client';
export * from './redis-rate-gate';
export * from './query-changes.channel';
export * from './analysis-stream.client';
