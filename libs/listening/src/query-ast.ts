/** A parsed listening query. Words, phrases, tags and handles are lower-cased. */
export type QueryNode =
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'near'; left: ProximityOperand; right: ProximityOperand; distance: number }
  | ProximityOperand
  | { type: 'hashtag'; tag: string }
  | { type: 'mention'; handle: string }
  | { type: 'lang'; code: string }
  | { type: 'from'; handle: string };

/** What NEAR/n can measure the distance between. */
export type ProximityOperand = { type: 'word'; word: string } | { type: 'phrase'; words: string[] };

export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: string,
    /** 1-based column in the query text where the problem is. */
    readonly column: number,
  ) {
    super(`${reason} (column ${column})`);
  }
}
