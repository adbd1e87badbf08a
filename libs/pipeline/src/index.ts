export * from './ports';
export * from './stages';
export * from './ingest-pipeline';
export * from './query-tagger';
export * from './dead-letter-replay';
