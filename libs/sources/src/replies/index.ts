export { REPLY_TIMEOUT_MAX_MS, canReply, replyPosterFor } from './reply-poster';
export type { ReplyOutcome, ReplyPoster, ReplyPosterOptions, ReplyRequest } from './reply-poster';
export { ReplyNotSupportedError, ReplyRateLimitedError, ReplyRejectedError, ReplyTimedOutError } from './reply-errors';
