export * from './queues';
export * from './live-events';
