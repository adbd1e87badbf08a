export * from './query-ast';
export { MAX_QUERY_LENGTH, MAX_NEAR_DISTANCE } from './query-lexer';
export * from './query-parser';
export * from './query-matcher';
export * from './platform-query';
export * from './query-preview';
export * from './search-alternatives';
export * from './query-terms';
