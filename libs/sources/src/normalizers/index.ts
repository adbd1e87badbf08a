import type { Platform } from '@watchfloor/domain';
import { normalizeBluesky } from './bluesky.normalizer';
import { normalizeMastodon } from './mastodon.normalizer';
import type { NormalizedBatch } from './normalized-batch';
import { normalizeReddit } from './reddit.normalizer';
import { normalizeRss } from './rss.normalizer';
import { normalizeTwitter } from './twitter.normalizer';

export * from './normalized-batch';
export { htmlToText, decodeXEntities } from './html-text';

/** Each platform's raw response (or stream lines) → common mentions, by the platform's documented shape. */
export const NORMALIZERS: Record<Platform, (body: string) => NormalizedBatch> = {
  twitter: (body) => normalizeTwitter(body),
  mastodon: (body) => normalizeMastodon(body),
  bluesky: (body) => normalizeBluesky(body),
  reddit: (body) => normalizeReddit(body),
  rss: (body) => normalizeRss(body),
};

export { normalizeBluesky, normalizeMastodon, normalizeReddit, normalizeRss, normalizeTwitter };
