/**
 * Phrases whose meaning is not the sum of their words, on VADER's -4..4 scale. Mostly the cues of a
 * customer-care complaint ("still waiting", "on hold", "lost my bag"), which carry no sentiment
 * word at all, and idioms ("what a joke", "the bomb"). `(a|b)` offers alternatives for one word.
 */
const PHRASES: readonly (readonly [string, number])[] = [
  ['still waiting', -2.0],
  ['please help', -1.2],
  ['please fix', -1.4],
  ["(cant|can't|cannot) wait", 2.0],
  ["give (em|'em|them) hell", 1.0],
  ['been waiting', -1.4],
  ['waiting (for|on) (my|a|the|our) (refund|response|reply|answer|callback|call|email|bag|bags|luggage|money)', -1.8],
  ['(on|put on) hold', -1.8],
  ['(cancelled|canceled) (my|our|the)', -1.8],
  ['(flight|order|booking|reservation|train|delivery) (was|got|has been|is) (cancelled|canceled|delayed)', -1.8],
  ['(lost|lose|losing|damaged|broke) (my|our) (bag|bags|luggage|suitcase|package|parcel|order)', -2.6],
  ['(want|need) (my|our) money back', -2.6],
  ['money back', -1.6],
  ['(still|yet) no (refund|response|reply|answer|update)', -2.4],
  ['no (response|reply|answer|updates|update|info|information|explanation|apology)', -1.6],
  ['no one (cares|answers|responds|helps)', -2.4],
  ['never again', -2.6],
  [
    'never (fly|flying|flew|buy|buying|order|ordering|shop|shopping|use|using) (with|from|at|on) (you|them|this|again)',
    -2.4,
  ],
  [
    "(does not|doesnt|doesn't|did not|didnt|didn't|is not|isnt|isn't|not|stopped|never|wont|won't) (work|working|works)",
    -2.0,
  ],
  ['waste of (money|time)', -2.8],
  ['(waste|wasted|wasting) (your|my|our|the) (money|time)', -2.8],
  ['(money|cash) down the drain', -2.6],
  ['piece of (junk|crap|garbage|trash|shit)', -3.0],
  ['pieces of (junk|crap|garbage|trash|shit)', -3.0],
  [
    '(send|sent|sending|ship|shipped|shipping|take|took|bring|brought) (it|them|this|the unit|the item|the product) back',
    -1.8,
  ],
  ['(returned|return|returning) (it|them|this|the unit|the item|the product|mine)', -1.6],
  ['(went|goes|gone|going) (out|dead|bad)', -1.6],
  ['(fizzled|burned|burnt) out', -1.8],
  ['(fell|falls|falling|fall) apart', -2.2],
  ['(cheaply|poorly|badly) (made|built|designed)', -2.2],
  ['poor quality', -2.0],
  ['(buyer|consumers|customers) beware', -2.4],
  ['gave up (on|with)', -1.6],
  ["(cant|can't|cannot|couldnt|couldn't|could not) get through", -1.6],
  ['(only|just) lasted', -1.8],
  ['lasted (less|only|just)', -1.8],
  ['(none|nothing|neither) (of them )?(worked|works|work)', -2.0],
  ['(no|zero) (customer )?(service|support)', -2.0],
  ['charged (me )?twice', -2.2],
  ['double charged', -2.2],
  ['(rip off|ripped off)', -2.6],
  ['(fed up|sick of|tired of)', -2.2],
  ['(let (me|us) down|let down)', -2.0],
  ['thanks for nothing', -2.8],
  ['(what|such) a joke', -2.2],
  ['(is|was) a joke', -2.0],
  ['(missed|miss) (my|our|the) (flight|connection|train)', -1.8],
  ['(fix|sort) (this|it)', -1.2],
  ['data breach', -2.6],
  ['food poisoning', -2.8],
  ['(the|da) bomb', 3.0],
  ['the shit', 3.0],
  ['bad ass', 1.5],
  ['yeah right', -2.0],
  ['boo hoo', -1.6],
  ['out of control', -1.8],
  ['(makes|made) me (sick|shudder|cringe)', -2.2],
  ['cut the mustard', 2.0],
  ['kiss of death', -1.5],
  ['hand to mouth', -2.0],
  ['(made|make|makes) my day', 2.8],
  ['no (problem|problems|worries|issue|issues)', 1.0],
  ['(highly|would) recommend', 2.4],
  ['(above and beyond)', 2.6],
];

export interface Phrase {
  words: readonly string[];
  valence: number;
  text: string;
}

/** Phrases by their first word, longest first: matching at a position tries only these. */
export function buildPhraseIndex(): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  for (const [pattern, valence] of PHRASES) {
    for (const words of expand(pattern)) {
      const phrase = { words, valence, text: words.join(' ') };
      const list = index.get(words[0]!) ?? [];
      list.push(phrase);
      index.set(words[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** "(a|b) c" → [["a","c"],["b","c"]]; an alternative may hold several words, or none ("(me )?"). */
function expand(pattern: string): string[][] {
  const parts = pattern.match(/\([^)]*\)\??|[^\s()]+/g) ?? [];
  let results: string[][] = [[]];
  for (const part of parts) {
    const optional = part.endsWith('?');
    const options = part.startsWith('(')
      ? part
          .replace(/^\(|\)\??$/g, '')
          .split('|')
          .map((option) => option.trim().split(/\s+/).filter(Boolean))
      : [[part]];
    if (optional) options.push([]);
    results = results.flatMap((prefix) => options.map((option) => [...prefix, ...option]));
  }
  return results;
}
