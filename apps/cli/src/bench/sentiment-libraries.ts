import { createRequire } from 'node:module';
import { RuleSentimentScorer, SentimentScorer } from '@watchfloor/analysis';
import type { SentimentClass } from '@watchfloor/analysis';

/**
 * Ours first (the learned model over the rules, as ingest runs it), then our rules alone, then the
 * libraries it is measured against, in the order tables print them.
 */
export const SCORER_NAMES = [
  'ours',
  'ours-rules',
  'natural-afinn',
  'natural-senticon',
  'natural-pattern',
  'sentiment',
  'vader-sentiment',
  'wink-sentiment',
] as const;
export type ScorerName = (typeof SCORER_NAMES)[number];

export function isScorerName(name: string): name is ScorerName {
  return (SCORER_NAMES as readonly string[]).includes(name);
}

export interface BenchScorer {
  readonly name: ScorerName;
  classify(text: string): SentimentClass;
  /**
   * Answers that were not one of the three classes, counted as neutral: a label ours does not
   * score (e.g. 'unsupported'), or a library result that is not a finite number or that threw.
   */
  readonly oddAnswers: number;
}

/** Only the scorers asked for are loaded: `--only ours` should not pay natural's load time. */
export function createScorers(names: readonly ScorerName[]): BenchScorer[] {
  return names.map(createScorer);
}

function createScorer(name: ScorerName): BenchScorer {
  switch (name) {
    case 'ours': {
      const scorer = new SentimentScorer();
      return oursScorer(name, (text) => scorer.read(text).label);
    }
    case 'ours-rules': {
      const scorer = new RuleSentimentScorer();
      return oursScorer(name, (text) => scorer.score(text).label);
    }
    case 'natural-afinn':
      return naturalScorer(name, 'afinn');
    case 'natural-senticon':
      return naturalScorer(name, 'senticon');
    case 'natural-pattern':
      return naturalScorer(name, 'pattern');
    case 'sentiment': {
      const Sentiment = load<SentimentModule>('sentiment');
      const analyzer = new Sentiment();
      return signScorer(name, (text) => analyzer.analyze(text).score, 0);
    }
    case 'vader-sentiment': {
      const { SentimentIntensityAnalyzer } = load<VaderModule>('vader-sentiment');
      // VADER's README: compound >= 0.05 positive, <= -0.05 negative, neutral between.
      return signScorer(name, (text) => SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.05);
    }
    case 'wink-sentiment': {
      const wink = load<WinkModule>('wink-sentiment');
      return signScorer(
        name,
        (text) => {
          const result = wink(text);
          // wink 5.0.2 reads its lexicon off a plain object: for any text with "constructor" `score`
          // becomes a string (a function's source glued on) while normalizedScore still looks like a number.
          return typeof result.score === 'number' ? result.normalizedScore : Number.NaN;
        },
        0,
      );
    }
  }
}

function oursScorer(name: ScorerName, labelOf: (text: string) => string): BenchScorer {
  let oddAnswers = 0;
  return {
    name,
    get oddAnswers() {
      return oddAnswers;
    },
    classify(text) {
      // Compared as a string: the scorer may add labels (e.g. 'unsupported') the metrics cannot score.
      const label = labelOf(text);
      switch (label) {
        case 'positive':
        case 'neutral':
        case 'negative':
          return label;
        default:
          oddAnswers++;
          return 'neutral';
      }
    },
  };
}

/** natural's tokenizer, then getSentiment(tokens): > 0 positive, < 0 negative, 0 neutral. */
function naturalScorer(name: ScorerName, vocabulary: NaturalVocabulary): BenchScorer {
  const SentimentAnalyzer = load<NaturalAnalyzerConstructor>('natural/lib/natural/sentiment/SentimentAnalyzer');
  const { WordTokenizer } = load<NaturalTokenizers>('natural/lib/natural/tokenizers/regexp_tokenizer');
  // natural's documentation builds it with PorterStemmer, but the stemmer is optional and without it
  // every vocabulary scored a higher macro-F1 on both VADER sets (afinn 0.652 vs 0.629 on tweets)
  // and ran ~10x faster (it stems every word the vocabulary misses): ours meets each library at its best.
  const analyzer = new SentimentAnalyzer('English', null, vocabulary);
  const tokenizer = new WordTokenizer();
  return signScorer(
    name,
    (text) => {
      const tokens = tokenizer.tokenize(text);
      // getSentiment divides by the token count: a text with no word (only emoji or punctuation)
      // would be 0/0, which is natural having nothing to say, not an odd answer.
      return tokens.length === 0 ? 0 : analyzer.getSentiment(tokens);
    },
    0,
  );
}

/**
 * A library as a classifier: `polarity(text)` >= +band positive, <= -band negative (band 0: the
 * sign). A polarity that is not a finite number, or a throw, counts as neutral and as an odd
 * answer, so one strange text cannot end a run over thousands.
 */
function signScorer(name: ScorerName, polarity: (text: string) => unknown, band: number): BenchScorer {
  let oddAnswers = 0;
  return {
    name,
    get oddAnswers() {
      return oddAnswers;
    },
    classify(text) {
      let value: unknown;
      try {
        value = polarity(text);
      } catch {
        value = undefined;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        oddAnswers++;
        return 'neutral';
      }
      if (band === 0) return value > 0 ? 'positive' : value < 0 ? 'negative' : 'neutral';
      return value >= band ? 'positive' : value <= -band ? 'negative' : 'neutral';
    },
  };
}

/**
 * vader-sentiment and wink-sentiment ship no typings and natural's do not cover the modules used
 * here, so each library is loaded untyped and given the shape its README documents. natural is deep-imported: its index pulls in 47 packages and
 * reads ./.env, printing dotenv lines on stdout unless DOTENV_CONFIG_QUIET is set.
 */
function load<Module>(specifier: string): Module {
  process.env['DOTENV_CONFIG_QUIET'] ??= 'true';
  return requireFromHere(specifier) as Module;
}

const requireFromHere = createRequire(__filename);

type NaturalVocabulary = 'afinn' | 'senticon' | 'pattern';
type NaturalAnalyzerConstructor = new (
  language: 'English',
  stemmer: null,
  vocabulary: NaturalVocabulary,
) => { getSentiment(tokens: string[]): unknown };
interface NaturalTokenizers {
  WordTokenizer: new () => { tokenize(text: string): string[] };
}
type SentimentModule = new () => { analyze(text: string): { score: unknown } };
interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: unknown } };
}
type WinkModule = (text: string) => { score: unknown; normalizedScore: unknown };
