import { asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { ReplySender, ReplyTarget, SentReply } from '../connector';
import { SourceHttpError } from '../source-http-error';
import type { BlueskySession } from './bluesky-session';

/** Bluesky counts a post's length in graphemes (what a reader sees as characters), at most 300. */
export const BLUESKY_MAX_POST_GRAPHEMES = 300;

interface StrongRef {
  uri: string;
  cid: string;
}

/**
 * Answers a post as the brand's account: reads the parent (its cid, and the thread's root when
 * the parent is itself a reply) with app.bsky.feed.getPosts, then writes the reply record to the
 * account's repository with com.atproto.repo.createRecord.
 */
export class BlueskyReplySender implements ReplySender {
  constructor(private readonly session: BlueskySession) {}

  async reply(target: ReplyTarget, text: string, signal: AbortSignal): Promise<SentReply> {
    if (!target.externalId.startsWith('at://')) {
      throw new Error(`"${target.externalId}" is not a Bluesky post's AT URI (at://did/app.bsky.feed.post/rkey)`);
    }
    if (text.trim() === '') throw new Error('A Bluesky reply needs some text');
    const graphemes = [...new Intl.Segmenter().segment(text)].length;
    if (graphemes > BLUESKY_MAX_POST_GRAPHEMES) {
      throw new Error(
        `A Bluesky post takes at most ${BLUESKY_MAX_POST_GRAPHEMES} characters; this one has ${graphemes}`,
      );
    }
    const { did, handle } = await this.session.identity(signal);
    const { parent, root } = await this.thread(target.externalId, signal);
    const created = await this.session.call<unknown>('com.atproto.repo.createRecord', {
      method: 'POST',
      body: {
        repo: did,
        collection: 'app.bsky.feed.post',
        record: {
          $type: 'app.bsky.feed.post',
          text,
          createdAt: new Date().toISOString(),
          reply: { root, parent },
        },
      },
      signal,
    });
    const uri = asString(asRecord(created.body)?.['uri']);
    if (uri === undefined) {
      throw new Error("Bluesky accepted the reply but did not say its URI: look for it on the brand's profile");
    }
    return { externalId: uri, url: `https://bsky.app/profile/${handle}/post/${uri.split('/').pop()}` };
  }

  /** The parent as a strong reference (uri + cid), and its thread's root (the parent itself if it starts one). */
  private async thread(uri: string, signal: AbortSignal): Promise<{ parent: StrongRef; root: StrongRef }> {
    const found = await this.session.call<unknown>('app.bsky.feed.getPosts', {
      params: new URLSearchParams({ uris: uri }),
      signal,
    });
    const view = asRecord(asArray(asRecord(found.body)?.['posts'])[0]);
    const parent = strongRef(view);
    // getPosts leaves out what it cannot show instead of failing.
    if (parent === undefined) {
      throw new SourceHttpError(
        404,
        undefined,
        `The Bluesky post ${uri} cannot be answered: it was deleted, or its author blocks the brand's account`,
      );
    }
    const root = strongRef(asRecord(asRecord(asRecord(view?.['record'])?.['reply'])?.['root']));
    return { parent, root: root ?? parent };
  }
}

function strongRef(value: Record<string, unknown> | undefined): StrongRef | undefined {
  const uri = asString(value?.['uri']);
  const cid = asString(value?.['cid']);
  return uri === undefined || cid === undefined ? undefined : { uri, cid };
}
