export * from './mention-batcher';
export * from './replay-source';
export * from './ndjson-reader';
export * from './demo-feed';
export { DEMO_BRAND } from './demo-feed-script';
export * from './normalizers';
export * from './connectors';
export * from './registry';
export * from './running';
