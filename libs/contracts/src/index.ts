export * from './queues';
export * from './live-events';
export * from './source-api';
export * from './analysis-stream';
export * from './analysis-events';
export * from './triage';
