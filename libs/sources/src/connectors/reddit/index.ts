export { RedditAuth, redditRateLimit } from './reddit-auth';
export type { RedditAuthOptions, RedditGrant } from './reddit-auth';
export { RedditSearchPoller, compareRedditFullnames } from './reddit-search.poller';
export type { RedditSearchOptions, RedditSearchPollResult } from './reddit-search.poller';
export { RedditReplySender, REDDIT_MAX_COMMENT_LENGTH } from './reddit-reply';
