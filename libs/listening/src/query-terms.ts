import type { QueryNode } from './query-ast';

/**
 * What a query looks for, as plain terms: its words, phrases, #hashtags and @handles outside any
 * exclusion. For brand queries these are the brand's names, which every mention carries and which
 * therefore say nothing about what a complaint is about.
 */
export function queryTerms(node: QueryNode): string[] {
  const terms = new Set<string>();
  const visit = (current: QueryNode): void => {
    switch (current.type) {
      case 'and':
      case 'or':
        current.children.forEach(visit);
        return;
      case 'near':
        visit(current.left);
        visit(current.right);
        return;
      case 'word':
        terms.add(current.word);
        return;
      case 'phrase':
        terms.add(current.words.join(' '));
        return;
      case 'hashtag':
        terms.add(`#${current.tag}`);
        return;
      case 'mention':
        terms.add(`@${current.handle}`);
        return;
      case 'not':
      case 'lang':
      case 'from':
        return;
    }
  };
  visit(node);
  return [...terms];
}
