import type { Platform } from './platform';

export interface MentionAuthor {
  /** Handle without a leading "@", lower-cased: the stable identity on its platform. */
  handle: string;
  name?: string;
  followers?: number;
  verified?: boolean;
}

export interface MentionMetrics {
  likes?: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
}

/** Where a post was made, when its platform says (a geotag, or the centre of a tagged place). */
export interface MentionPlace {
  lat: number;
  lon: number;
  name?: string;
}

/** A post about the brand, normalized from whatever platform it came from. */
export interface Mention {
  platform: Platform;
  externalId: string;
  /** Which source fetched it (a connector, the replay feed, a CLI replay). */
  source: string;
  url: string;
  /** Plain text: never markup. */
  text: string;
  /** When the author posted it, UTC ISO 8601. */
  createdAt: string;
  author: MentionAuthor;
  lang?: string;
  place?: MentionPlace;
  replyToId?: string;
  repostOfId?: string;
  metrics?: MentionMetrics;
  /** The platform's payload as received, kept for audits and re-processing. */
  raw: unknown;
}

/** `unsupported`: a language the scorer cannot read; said honestly rather than guessed as neutral. */
export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unsupported';

export interface Sentiment {
  label: SentimentLabel;
  /** In [-1, 1]; 0 for `unsupported`. */
  score: number;
  /** How sure the reading is, 0 to 1: low readings are the ones a person should check. */
  confidence: number;
}

export interface ScoredMention extends Mention {
  sentiment: Sentiment;
  /** The saved listening queries the mention matches (brand and competitor): share of voice counts these. */
  queryIds: string[];
  /** Epoch milliseconds at which Watchfloor first received it: the start of the latency clock. */
  ingestedAt: number;
}

/** A mention as stored: the database id is assigned once, on first insert. */
export interface StoredMention extends ScoredMention {
  id: string;
}

/** The identity a mention is stored once under. */
export function mentionKey(mention: Pick<Mention, 'platform' | 'externalId'>): string {
  return `${mention.platform}:${mention.externalId}`;
}
