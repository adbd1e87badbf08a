import { QuerySyntaxError } from './query-ast';
import type { ProximityOperand, QueryNode } from './query-ast';
import { tokenize } from './query-lexer';
import type { Token } from './query-lexer';

const MAX_DEPTH = 32;

/**
 * Parses a listening query by recursive descent over this grammar (adjacent terms mean AND):
 *
 *   query   := or END
 *   or      := and ("OR" and)*
 *   and     := near (["AND"] near)*
 *   near    := unary ("NEAR/n" unary)*
 *   unary   := ("NOT" | "-") unary | primary
 *   primary := "(" or ")" | PHRASE | WORD | #TAG | @HANDLE | lang:xx | from:handle
 *
 * Errors name the column. A query must match something by itself: one made only of exclusions
 * ("-spam") is refused.
 */
export function parseQuery(text: string): QueryNode {
  const parser = new Parser(tokenize(text));
  const query = parser.parseQuery();
  if (!hasPositiveTerm(query)) {
    throw new QuerySyntaxError('A query needs at least one term to look for, not only terms to exclude', 1);
  }
  return query;
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): QueryNode {
    if (this.peek().kind === 'end') throw new QuerySyntaxError('The query is empty', 1);
    const query = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      throw new QuerySyntaxError(
        next.kind === 'rparen' ? 'This ")" closes nothing' : 'Unexpected text here',
        next.column,
      );
    }
    return query;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      this.position++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseNear()];
    for (;;) {
      const next = this.peek();
      if (next.kind === 'and') {
        this.position++;
        children.push(this.parseNear());
      } else if (startsOperand(next)) {
        children.push(this.parseNear());
      } else {
        break;
      }
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseNear(): QueryNode {
    let left = this.parseUnary();
    for (let next = this.peek(); next.kind === 'near'; next = this.peek()) {
      this.position++;
      const rightStart = this.peek().column;
      const right = this.parseUnary();
      const leftOperand = proximityOperand(left, next.column, 'before');
      const rightOperand = proximityOperand(right, rightStart, 'after');
      left = { type: 'near', left: leftOperand, right: rightOperand, distance: next.distance };
    }
    return left;
  }

  private parseUnary(): QueryNode {
    const next = this.peek();
    if (next.kind === 'not' || next.kind === 'minus') {
      this.position++;
      if (!startsOperand(this.peek())) {
        throw new QuerySyntaxError(
          `Expected a term to exclude after ${next.kind === 'not' ? 'NOT' : '-'}`,
          this.peek().column,
        );
      }
      return { type: 'not', child: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const token = this.tokens[this.position]!;
    switch (token.kind) {
      case 'lparen': {
        if (++this.depth > MAX_DEPTH)
          throw new QuerySyntaxError(`Parentheses nest at most ${MAX_DEPTH} deep`, token.column);
        this.position++;
        if (this.peek().kind === 'rparen') throw new QuerySyntaxError('Empty parentheses', token.column);
        const inner = this.parseOr();
        if (this.peek().kind !== 'rparen') throw new QuerySyntaxError('This "(" is never closed', token.column);
        this.position++;
        this.depth--;
        return inner;
      }
      case 'word':
        this.position++;
        return { type: 'word', word: token.value };
      case 'phrase':
        this.position++;
        return { type: 'phrase', words: token.words };
      case 'hashtag':
        this.position++;
        return { type: 'hashtag', tag: token.value };
      case 'mention':
        this.position++;
        return { type: 'mention', handle: token.value };
      case 'field':
        this.position++;
        return token.field === 'lang' ? { type: 'lang', code: token.value } : { type: 'from', handle: token.value };
      case 'end':
        throw new QuerySyntaxError('The query ends where a term was expected', token.column);
      case 'rparen':
        throw new QuerySyntaxError('Expected a term before this ")"', token.column);
      case 'and':
      case 'or':
      case 'near':
        throw new QuerySyntaxError(`Expected a term before ${describe(token)}`, token.column);
      case 'not':
      case 'minus':
        throw new QuerySyntaxError('Unexpected exclusion here', token.column);
    }
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }
}

function startsOperand(token: Token): boolean {
  return ['lparen', 'word', 'phrase', 'hashtag', 'mention', 'field', 'not', 'minus'].includes(token.kind);
}

function describe(token: Token): string {
  return token.kind === 'near' ? `NEAR/${token.distance}` : token.kind.toUpperCase();
}

function proximityOperand(node: QueryNode, column: number, side: 'before' | 'after'): ProximityOperand {
  if (node.type === 'word' || node.type === 'phrase') return node;
  throw new QuerySyntaxError(`NEAR needs a word or an exact phrase ${side} it`, column);
}

function hasPositiveTerm(node: QueryNode): boolean {
  if (node.type === 'not') return false;
  if (node.type === 'and') return node.children.some(hasPositiveTerm);
  if (node.type === 'or') return node.children.every(hasPositiveTerm);
  return true;
}
