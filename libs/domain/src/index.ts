export * from './platform';
export * from './mention';
export * from './mention-validation';
export * from './json-depth';
export * from './csv';
