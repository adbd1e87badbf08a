import type { Mention } from '@watchfloor/domain';
import { compileMatcher, prepareMention } from '@watchfloor/listening';
import type { QueryMatcher } from '@watchfloor/listening';
import type { ConnectorQuery } from '../connectors/connector';

/**
 * The final filter every platform's results pass: whatever a platform's search understood of a
 * query, only what the query itself matches is kept, so a query means the same everywhere.
 */
export class LocalFilter {
  private readonly matchers: QueryMatcher[];

  constructor(queries: ConnectorQuery[]) {
    this.matchers = queries.map((query) => compileMatcher(query.node));
  }

  matchesAny(mention: Pick<Mention, 'text' | 'author' | 'lang'>): boolean {
    if (this.matchers.length === 0) return false;
    const prepared = prepareMention({
      text: mention.text,
      authorHandle: mention.author.handle,
      ...(mention.lang !== undefined && { lang: mention.lang }),
    });
    return this.matchers.some((matches) => matches(prepared));
  }
}
