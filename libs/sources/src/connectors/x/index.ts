export {
  X_API_BASE_URL,
  X_POST_FIELDS,
  createXAppClient,
  createXUserClient,
  toSourceError,
  xRateLimitOf,
} from './x-client';
export type { XClientOptions } from './x-client';
export { XSearchPoller } from './x-search.poller';
export type { XSearchPollResult, XSearchPollerOptions } from './x-search.poller';
export { XFilteredStream } from './x-stream.connector';
export type { XFilteredStreamOptions, XStreamCursor } from './x-stream.connector';
export { RULE_TAG_SEPARATOR, diffStreamRules, syncStreamRules, wantedStreamRules } from './x-stream-rules';
export type { StreamRuleChanges, WantedStreamRule, XStreamRule } from './x-stream-rules';
export { XReplySender } from './x-reply.sender';
export type { XReplySenderOptions } from './x-reply.sender';
