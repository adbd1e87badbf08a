import type { StoredMention } from '@watchfloor/domain';

/** What a post does with another one; the pipeline reads it from the platform payload. */
export interface AmplificationRecord {
  kind: 'original' | 'repost' | 'quote' | 'reply';
  /** mentionKey of the post reposted, quoted or answered, when the payload names it. */
  referenceKey?: string;
}

/**
 * A stored mention as the analysis stream carries it from the ingest pipeline to the analysis
 * consumer: no raw payload (it stays in PostgreSQL), the amplification read from it instead.
 */
export type AnalysisMention = Omit<StoredMention, 'raw'> & { amplification: AmplificationRecord };
