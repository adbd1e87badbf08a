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

export function scoreMentions(
  mentions: readonly Mention[],
  score: (text: string) => Sentiment,
  tagQueries: QueryTagger,
  ingestedAt: number,
): ScoredMention[] {
  return mentions.map((mention) => ({
    ...mention,
    sentiment: score(mention.text),
    queryIds: tagQueries(mention),
    ingestedAt,
  }));
}
