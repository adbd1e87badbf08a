/**
 * Expands a phrase pattern into every phrase it stands for: each `(a|b|)` group is one of its
 * alternatives (an empty one means "nothing"), groups multiply. `injur(y|ies|ed)` gives injury,
 * injuries, injured; `lost (my|our) (bag|luggage)` gives four phrases. Groups do not nest: the cue
 * tables stay readable and a typo fails loudly at start-up instead of silently matching nothing.
 */
export function expandPhrasePattern(pattern: string): string[] {
  let phrases = [''];
  let rest = pattern;
  while (rest.length > 0) {
    const open = rest.indexOf('(');
    if (open < 0) {
      phrases = phrases.map((phrase) => phrase + literal(rest, pattern));
      break;
    }
    const close = rest.indexOf(')', open);
    if (close < 0) throw new Error(`phrase pattern "${pattern}" has a "(" without its ")"`);
    const before = literal(rest.slice(0, open), pattern);
    const alternatives = rest.slice(open + 1, close).split('|');
    if (alternatives.some((alternative) => alternative.includes('('))) {
      throw new Error(`phrase pattern "${pattern}" nests groups: write the phrases out instead`);
    }
    phrases = phrases.flatMap((phrase) => alternatives.map((alternative) => phrase + before + alternative));
    rest = rest.slice(close + 1);
  }
  return phrases.map((phrase) => phrase.replace(/\s+/g, ' ').trim()).filter((phrase) => phrase.length > 0);
}

function literal(text: string, pattern: string): string {
  if (/[()|]/.test(text)) throw new Error(`phrase pattern "${pattern}" has a stray "(", ")" or "|"`);
  return text;
}
