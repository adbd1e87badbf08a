import { mentionKey, validateMention } from '@watchfloor/domain';
import type { Mention, ScoredMention, Sentiment } from '@watchfloor/domain';
import type { RejectedMention } from './ports';

export interface ValidatedBatch {
  valid: Mention[];
  rejected: RejectedMention[];
}

export function validateBatch(inputs: readonly unknown[]): ValidatedBatch {
  const valid: Mention[] = [];
  const rejected: RejectedMention[] = [];
  inputs.forEach((input, index) => {
    const result = validateMention(input);
    if (result.ok) valid.push(result.mention);
    else rejected.push({ index, reason: result.reason, input });
  });
  return { valid, rejected };
}

/** Keeps the first of several copies of one post in a batch; the store catches copies across batches. */
export function dropDuplicatesInBatch(mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => {
    const key = mentionKey(mention);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which saved queries a mention matches: every one, whichever source brought it. */
export type QueryTagger = (mention: Mention) => string[];

/** A sentiment reading and the language it was read in ("und" when the text had no words). */
export type SentimentReader = (text: string, lang?: string) => Sentiment & { lang: string };

/**
 * Scores each mention in the language the platform tagged, and keeps the detected language for
 * mentions that came without one.
 */
export function scoreMentions(
  mentions: readonly Mention[],
  score: SentimentReader,
  tagQueries: QueryTagger,
  ingestedAt: number,
): ScoredMention[] {
  return mentions.map((mention) => {
    const { label, score: value, confidence, lang } = score(mention.text, mention.lang);
    return {
      ...mention,
      ...(mention.lang === undefined && lang !== 'und' && { lang }),
      sentiment: { label, score: value, confidence },
      queryIds: tagQueries(mention),
      ingestedAt,
    };
  });
}
