export { REPLY_TIMEOUT_MAX_MS, canReply, replyPosterFor } from './reply-poster';
export type { ReplyOutcome, ReplyPoster, ReplyPosterOptions, ReplyRequest } from './reply-poster';
export { ReplyNotSupportedError, ReplyRateLimitedError, ReplyRejectedError, ReplyTimedOutError } from './reply-errors';
export { MastodonReplyPoster } from './mastodon-reply-poster';
export type { MastodonReplyPosterOptions } from './mastodon-reply-poster';
export { XReplyPoster } from './x-reply-poster';
export type { XReplyPosterOptions, XUserCredentials } from './x-reply-poster';
