export * from './source-kinds';
export * from './source-definition';
export * from './schedule-plan';
export { UnsupportedSourceOperationError, createPoller, createStreamConnector } from './connector-factory';
export * from './source-state';
export * from './source-endpoints';
