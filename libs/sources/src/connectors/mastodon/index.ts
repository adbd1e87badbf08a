export { MastodonPoller } from './mastodon-poller';
export type { MastodonCursor, MastodonPollMode, MastodonPollerOptions } from './mastodon-poller';
export { MastodonStream } from './mastodon-stream';
export type { MastodonStreamKind, MastodonStreamOptions } from './mastodon-stream';
export type { MastodonStreamCursor } from './stream-delivery';
export { MastodonReplySender } from './mastodon-reply';
export type { MastodonReplyOptions } from './mastodon-reply';
export type { MastodonAccount } from './mastodon-api';
