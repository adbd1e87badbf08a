import { asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { ReplySender, ReplyTarget, SentReply } from '../connector';
import { SourceHttpError } from '../source-http-error';
import type { RedditAuth } from './reddit-auth';

/** Reddit's limit for a comment's body. */
export const REDDIT_MAX_COMMENT_LENGTH = 10_000;
const FULLNAME = /^t[13]_[0-9a-z]+$/;

/**
 * Answers a post (t3) or comment (t1) as the brand's account, through /api/comment with the
 * script app's user token.
 */
export class RedditReplySender implements ReplySender {
  constructor(private readonly auth: RedditAuth) {}

  async reply(target: ReplyTarget, text: string, signal: AbortSignal): Promise<SentReply> {
    if (!FULLNAME.test(target.externalId)) {
      throw new Error(`"${target.externalId}" is not a Reddit post or comment fullname (t3_… or t1_…)`);
    }
    if (text.trim() === '') throw new Error('A Reddit reply needs some text');
    if (text.length > REDDIT_MAX_COMMENT_LENGTH) {
      throw new Error(
        `A Reddit comment takes at most ${REDDIT_MAX_COMMENT_LENGTH} characters; this one has ${text.length}`,
      );
    }
    const response = await this.auth.call<unknown>('/api/comment', 'user', {
      method: 'POST',
      body: new URLSearchParams({ thing_id: target.externalId, text, api_type: 'json' }),
      signal,
    });
    const json = asRecord(asRecord(response.body)?.['json']);
    refuseOnErrors(asArray(json?.['errors']));
    const comment = asRecord(asRecord(asArray(asRecord(json?.['data'])?.['things'])[0])?.['data']);
    const name = asString(comment?.['name']);
    const id = asString(comment?.['id']) ?? name?.replace(/^t1_/, '');
    if (name === undefined || id === undefined) {
      throw new Error('Reddit accepted the comment but did not say which it is: look for it on the thread');
    }
    const permalink = asString(comment?.['permalink']) ?? fallbackPermalink(comment, target, id);
    return { externalId: name, url: new URL(permalink, 'https://www.reddit.com').toString() };
  }
}

/**
 * With api_type=json Reddit answers 200 and lists refusals as [code, message, field] in
 * json.errors. RATELIMIT ("try again in 5 minutes") becomes a 429 so the job waits and retries;
 * the rest (THREAD_LOCKED, TOO_OLD, DELETED_COMMENT...) cannot be fixed by retrying.
 */
function refuseOnErrors(errors: unknown[]): void {
  if (errors.length === 0) return;
  const [code, message] = asArray(errors[0]).map((part) => asString(part) ?? '');
  const described = `Reddit refused the reply: ${code ?? 'error'}${message ? ` (${message})` : ''}`;
  if (code === 'RATELIMIT') throw new SourceHttpError(429, waitFromMessage(message ?? ''), described);
  throw new SourceHttpError(422, undefined, described);
}

/** "you are doing that too much. try again in 5 minutes." → milliseconds. */
function waitFromMessage(message: string): number | undefined {
  const match = /(\d+)\s*(second|minute|hour)/i.exec(message);
  if (match === null) return undefined;
  const unit = match[2]!.toLowerCase();
  const seconds = unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1;
  return Number(match[1]) * seconds * 1000;
}

/** Older answers carry no permalink: the thread (link_id) and the comment's id make one. */
function fallbackPermalink(comment: Record<string, unknown> | undefined, target: ReplyTarget, id: string): string {
  const link = asString(comment?.['link_id']) ?? (target.externalId.startsWith('t3_') ? target.externalId : undefined);
  if (link === undefined) return target.url;
  return `/comments/${link.replace(/^t3_/, '')}/_/${id}/`;
}
