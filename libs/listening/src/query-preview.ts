import type { QueryNode } from './query-ast';
import { compileMatcher, prepareMention } from './query-matcher';
import type { MatchableMention } from './query-matcher';

export interface PreviewResult {
  matched: number;
  scanned: number;
  byPlatform: Record<string, number>;
  /** A few of the newest matches, to see what the query catches. */
  samples: string[];
}

const SAMPLES = 5;

/** How many of these mentions a query would have caught: "this would have matched 1,240". */
export function previewQuery(
  query: QueryNode,
  mentions: Iterable<MatchableMention & { platform: string }>,
): PreviewResult {
  const matches = compileMatcher(query);
  const result: PreviewResult = { matched: 0, scanned: 0, byPlatform: {}, samples: [] };
  for (const mention of mentions) {
    result.scanned++;
    if (!matches(prepareMention(mention))) continue;
    result.matched++;
    result.byPlatform[mention.platform] = (result.byPlatform[mention.platform] ?? 0) + 1;
    if (result.samples.length < SAMPLES) result.samples.push(mention.text);
  }
  return result;
}
