export * from './ports';
export * from './budget-pacer';
export * from './local-filter';
export * from './poll-cycle';
export * from './stream-session';
