export * from './source-kinds';
export * from './source-definition';
export * from './schedule-plan';
export * from './connector-factory';
export * from './source-state';
