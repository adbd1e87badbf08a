import type { QueryNode } from './query-ast';
import { UntranslatableQueryError, toPlatformQuery } from './platform-query';
import type { PlatformQuery, SearchDialect } from './platform-query';

/** The most searches one query may become where a platform has no OR: each costs a request per poll. */
export const MAX_SEARCHES_PER_QUERY = 8;

/**
 * Writes a query as the searches a platform needs: one where it has OR, else one per alternative
 * of the query's disjunctive normal form ("(a OR b) c" becomes "a c" and "b c"). Like
 * toPlatformQuery, it widens and never narrows; the local filter gives the query its meaning.
 */
export function toPlatformSearches(node: QueryNode, dialect: SearchDialect): PlatformQuery[] {
  if (dialect.or !== null) return [toPlatformQuery(node, dialect)];
  const alternatives = disjuncts(node, dialect.name);
  const withOr = { ...dialect, or: ' OR ' };
  const searches = new Map<string, PlatformQuery>();
  for (const terms of alternatives) {
    const search = toPlatformQuery(terms.length === 1 ? terms[0]! : { type: 'and', children: terms }, withOr);
    const same = searches.get(search.query);
    searches.set(search.query, { query: search.query, exact: search.exact && (same?.exact ?? true) });
  }
  return [...searches.values()];
}

/** The query as alternatives, each a list of terms that must all hold. */
function disjuncts(node: QueryNode, platform: string): QueryNode[][] {
  const result = expand(node);
  if (result.length > MAX_SEARCHES_PER_QUERY) {
    throw new UntranslatableQueryError(
      `${platform} search has no OR, so this query would take ${result.length} searches; the most is ${MAX_SEARCHES_PER_QUERY}: simplify or split it`,
    );
  }
  return result;

  function expand(current: QueryNode): QueryNode[][] {
    if (current.type === 'or') return current.children.flatMap(expand);
    if (current.type === 'not') return expandNegation(current.child);
    if (current.type !== 'and') return [[current]];
    return current.children.map(expand).reduce<QueryNode[][]>(
      (product, options) => {
        const next = product.flatMap((left) => options.map((right) => [...left, ...right]));
        // Checked as it grows, so a hostile query cannot build a huge product first.
        if (next.length > MAX_SEARCHES_PER_QUERY * 4) return next.slice(0, MAX_SEARCHES_PER_QUERY + 1);
        return next;
      },
      [[]],
    );
  }

  // De Morgan: NOT (a OR b) is NOT a AND NOT b; NOT (a AND b) is NOT a OR NOT b.
  function expandNegation(child: QueryNode): QueryNode[][] {
    if (child.type === 'not') return expand(child.child);
    if (child.type !== 'or' && child.type !== 'and') return [[{ type: 'not', child }]];
    const negated: QueryNode[] = child.children.map((inner) => ({ type: 'not', child: inner }));
    return expand(child.type === 'or' ? { type: 'and', children: negated } : { type: 'or', children: negated });
  }
}

/**
 * Hashtags of which every matching post carries at least one, or null when the query has no such
 * set: a query that has one can be listened to through hashtag timelines and streams alone.
 */
export function requiredHashtags(node: QueryNode): string[] | null {
  if (node.type === 'hashtag') return [node.tag];
  if (node.type === 'and') {
    const sets = node.children.map(requiredHashtags).filter((set): set is string[] => set !== null);
    return sets.length === 0 ? null : sets.reduce((smallest, set) => (set.length < smallest.length ? set : smallest));
  }
  if (node.type === 'or') {
    const sets = node.children.map(requiredHashtags);
    return sets.some((set) => set === null) ? null : [...new Set(sets.flatMap((set) => set!))];
  }
  return null;
}
