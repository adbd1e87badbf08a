export * from './source-http-error';
export * from './rss-poller';
