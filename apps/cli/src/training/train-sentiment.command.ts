import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  BUNDLED_MODEL_FILE,
  DEFAULT_MODEL_TRAINING,
  RuleSentimentScorer,
  SENTIMENT_CLASSES,
  SentimentModel,
  SentimentScorer,
  classificationMetrics,
  decodeModel,
  encodeModel,
  trainSentimentModel,
} from '@watchfloor/analysis';
import type { ModelTrainingOptions, SentimentClass } from '@watchfloor/analysis';
import type { SentimentSet } from '../bench/sentiment-sets';
import { loadTrainingData } from './training-sets';

export interface TrainSentimentArguments {
  options: ModelTrainingOptions;
  /** Where the model goes; the bundled model's file by default. */
  out: string;
  /** Train and report, but write nothing (for trying settings). */
  dryRun: boolean;
}

/**
 * `pnpm train:sentiment`: trains the bundled model on the labelled sets beside the repository and
 * reports it on the held-out sets beside the rules alone. The model file records what it was
 * trained on and the figures it reached; the data never enter the repository.
 */
export function trainSentimentCommand(args: TrainSentimentArguments, output: NodeJS.WritableStream): number {
  const log = (line: string) => process.stderr.write(`[train-sentiment] ${line}\n`);
  const data = loadTrainingData();
  if (data.absent.length > 0) {
    output.write(
      'The labelled sets are absent (they live in ../shared/data beside the repository, never in it):\n' +
        data.absent.map((file) => `  not found: ${file}\n`).join('') +
        'Nothing trained; the bundled model stays as it is.\n',
    );
    return 1;
  }
  log(`training on ${data.train.length} texts: ${JSON.stringify(data.counts)}`);
  const started = Date.now();
  const trained = trainSentimentModel(data.train, args.options, { trainedOn: data.counts, figures: {} }, 'draft');
  log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Measured as it ships: with its weights rounded to 8 bits, as the file keeps them.
  const shipped = decodeModel(encodeModel(trained));
  const rules = new RuleSentimentScorer();
  const learned = new SentimentScorer({ model: shipped });
  const figures: Record<string, number> = {};
  for (const set of data.evaluation) {
    const ours = figuresOf(set, (text) => learned.score(text).label);
    const before = figuresOf(set, (text) => rules.score(text).label);
    output.write(`${set.name} (${set.texts.length} held out)\n`);
    output.write(`  rules only   ${line(before)}\n  learned      ${line(ours)}\n`);
    for (const [name, value] of Object.entries(ours)) figures[`${set.name}.${name}`] = value;
  }
  const digest = createHash('sha256').update(encodeModel(trained)).digest('hex').slice(0, 8);
  const id = `sentiment-${new Date().toISOString().slice(0, 10)}-${digest}`;
  const provenance = { ...trained.provenance, figures, options: { ...args.options } };
  const file = encodeModel(new SentimentModel(id, trained.hashBits, trained.weights, trained.bias, provenance));
  output.write(`${JSON.stringify({ id, bytes: file.length, options: args.options, figures })}\n`);
  if (!args.dryRun) {
    writeFileSync(args.out, file);
    log(`wrote ${args.out}`);
  }
  return 0;
}

export const DEFAULT_TRAINING_OUT = BUNDLED_MODEL_FILE;
export { DEFAULT_MODEL_TRAINING };

type Figures = Record<string, number>;

/** The SemEval measure (macro-recall) and the ones the issue names for complaints. */
export function figuresOf(set: SentimentSet, classify: (text: string) => string): Figures {
  const predicted = set.texts.map((text) => {
    const label = classify(text);
    return (SENTIMENT_CLASSES as readonly string[]).includes(label) ? (label as SentimentClass) : 'neutral';
  });
  const metrics = classificationMetrics(set.expected, predicted);
  return {
    macroRecall: round(metrics.macroRecall),
    macroF1: round(metrics.macroF1),
    accuracy: round(metrics.accuracy),
    negativeF1: round(metrics.perClass.negative.f1),
    negativeRecall: round(metrics.perClass.negative.recall),
    negativePrecision: round(metrics.perClass.negative.precision),
  };
}

function line(figures: Figures): string {
  return Object.entries(figures)
    .map(([name, value]) => `${name} ${value.toFixed(3)}`)
    .join('  ');
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
