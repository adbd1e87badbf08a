import type { Mention, Platform } from '@watchfloor/domain';

/**
 * What a post does with another post:
 * - `repost`: passes an earlier post on unchanged (X retweet, Mastodon reblog/boost, Bluesky
 *   repost, Reddit crosspost). It adds no words: amplification of the original, never a new voice.
 * - `quote`: an earlier post plus the author's own words (X quote, Bluesky record embed, Mastodon quote).
 * - `reply`: an answer in a thread.
 * - `original`: none of these.
 * Quotes and replies add words, so they are voices unless their words copy an earlier post (a
 * near-duplicate), which the noise filter decides.
 */
export type AmplificationKind = 'original' | 'repost' | 'quote' | 'reply';

export interface Amplification {
  kind: AmplificationKind;
  /**
   * mentionKey of the post reposted, quoted or answered, when the payload names it. A repost known
   * only from X's "RT @user:" text has none: the noise filter looks for its original by text.
   */
  referenceKey?: string;
}

/** X API v1.1 and v2 both start a retweet's text with "RT @handle: " (v2 keeps it when it truncates). */
const RETWEET_PREFIX = /^RT @[A-Za-z0-9_]{1,15}:/;

/**
 * Classifies a normalized mention. Precedence repost > quote > reply: a retweet of a reply is a
 * retweet, and a quote that also replies adds its own words either way. Platform payloads (`raw`)
 * are read where the normalized fields lose the distinction: the X normalizer puts both retweeted
 * and quoted ids in `repostOfId`, and the Bluesky one does not record quotes at all.
 */
export function classifyAmplification(mention: Mention): Amplification {
  switch (mention.platform) {
    case 'twitter':
      return classifyX(mention);
    case 'bluesky':
      return classifyBluesky(mention);
    case 'mastodon':
      return classifyMastodon(mention);
    case 'reddit':
    case 'rss':
      return classifyByFields(mention);
  }
}

function classifyX(mention: Mention): Amplification {
  const { platform, repostOfId } = mention;
  const references = field(mention.raw, 'referenced_tweets');
  const referenced: readonly unknown[] = Array.isArray(references) ? references : [];
  const retweeted = referencedId(referenced, 'retweeted');
  if (retweeted !== undefined) return reference('repost', platform, retweeted);
  const quoted = referencedId(referenced, 'quoted');
  if (quoted !== undefined) return reference('quote', platform, quoted);
  if (repostOfId !== undefined) {
    // No referenced_tweets (a replayed or trimmed payload): only a retweet's text starts "RT @user:".
    return reference(RETWEET_PREFIX.test(mention.text) ? 'repost' : 'quote', platform, repostOfId);
  }
  // Old clients and third-party tools post "RT @user: ..." as plain text, with no link to the original.
  if (RETWEET_PREFIX.test(mention.text)) return { kind: 'repost' };
  return classifyByFields(mention);
}

function classifyMastodon(mention: Mention): Amplification {
  // The normalizer maps a reblog (boost) to repostOfId. Quote posts (Mastodon 4.5) carry
  // `quote.quoted_status`; an older server sends none.
  if (mention.repostOfId !== undefined) return reference('repost', mention.platform, mention.repostOfId);
  const quotedId = stringField(field(field(mention.raw, 'quote'), 'quoted_status'), 'id');
  if (quotedId !== undefined) return reference('quote', mention.platform, quotedId);
  return classifyByFields(mention);
}

function classifyBluesky(mention: Mention): Amplification {
  if (mention.repostOfId !== undefined) return reference('repost', mention.platform, mention.repostOfId);
  // A quote is a post whose record embeds another record: a post view keeps it in `record`,
  // a Jetstream event in `commit.record`. With media: `app.bsky.embed.recordWithMedia`.
  const record = field(mention.raw, 'record') ?? field(field(mention.raw, 'commit'), 'record');
  const embed = field(record, 'embed');
  const embedType = stringField(embed, '$type');
  let quotedUri: string | undefined;
  if (embedType === 'app.bsky.embed.record') quotedUri = stringField(field(embed, 'record'), 'uri');
  if (embedType === 'app.bsky.embed.recordWithMedia') {
    quotedUri = stringField(field(field(embed, 'record'), 'record'), 'uri');
  }
  if (quotedUri !== undefined) return reference('quote', mention.platform, quotedUri);
  return classifyByFields(mention);
}

/** Any platform: the normalized fields alone. */
function classifyByFields(mention: Mention): Amplification {
  if (mention.repostOfId !== undefined) return reference('repost', mention.platform, mention.repostOfId);
  if (mention.replyToId !== undefined) return reference('reply', mention.platform, mention.replyToId);
  return { kind: 'original' };
}

function reference(kind: AmplificationKind, platform: Platform, externalId: string): Amplification {
  // Same shape as mentionKey(): the original is stored under platform:externalId.
  return { kind, referenceKey: `${platform}:${externalId}` };
}

function referencedId(references: readonly unknown[], type: string): string | undefined {
  for (const item of references) {
    if (field(item, 'type') === type) return stringField(item, 'id');
  }
  return undefined;
}

/** A property of an unknown payload value, or undefined when it is not an object. */
function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function stringField(value: unknown, name: string): string | undefined {
  const found = field(value, name);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
