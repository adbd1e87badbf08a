export { BlueskySession, blueskyRateLimit, xrpcUrl } from './bluesky-session';
export type { BlueskySessionOptions, XrpcCall } from './bluesky-session';
export { BlueskySearchPoller, blueskyPostKey } from './bluesky-search.poller';
export type { BlueskySearchCursor, BlueskySearchOptions, BlueskySearchPollResult } from './bluesky-search.poller';
export { BlueskyJetstream } from './bluesky-jetstream';
export type { BlueskyJetstreamOptions, JetstreamCursor } from './bluesky-jetstream';
export { BlueskyReplySender, BLUESKY_MAX_POST_GRAPHEMES } from './bluesky-reply';
