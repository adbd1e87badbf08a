import type { Mention } from '@watchfloor/domain';
import { compileMatcher, prepareMention } from '@watchfloor/listening';
import type { QueryNode } from '@watchfloor/listening';
import type { QueryTagger } from './stages';

/**
 * Tags mentions with every saved query they match. The queries are compiled once; a mention is cut
 * into words once however many queries look at it, and not at all when there is no query.
 */
export function compileQueryTagger(queries: { id: string; node: QueryNode }[]): QueryTagger {
  if (queries.length === 0) return () => [];
  const compiled = queries.map((query) => ({ id: query.id, matches: compileMatcher(query.node) }));
  return (mention: Mention) => {
    const prepared = prepareMention({
      text: mention.text,
      authorHandle: mention.author.handle,
      ...(mention.lang !== undefined && { lang: mention.lang }),
    });
    return compiled.filter((query) => query.matches(prepared)).map((query) => query.id);
  };
}
