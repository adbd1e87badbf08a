export * from './wall-minute';
export * from './wall-state';
export * from './frame-builder';
export * from './source-freshness';
export * from './frame-order';
export * from './wall-follower';
