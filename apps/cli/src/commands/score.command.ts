import { createInterface } from 'node:readline';
import { SentimentScorer, adaptSentiment } from '@watchfloor/analysis';
import type { SentimentReading } from '@watchfloor/analysis';
import { loadLabelledNdjson } from '../bench/sentiment-sets';

/** Lines are written in chunks of this many: one write per line would dominate the run time. */
const WRITE_CHUNK = 1_000;

export interface ScoreArguments {
  /** Labelled NDJSON `{"id","text","label"}` to adapt the model to before scoring, as corrections do. */
  train?: string;
}

/**
 * NDJSON `{"id", "text"}` (and optionally `"lang"`, the platform's tag) on stdin → NDJSON
 * `{"id", "label", "score", "lang", "confidence", "explanation"}` on stdout, one line per input
 * line, same order, scored by exactly the pipeline's scorer. A line that is not a JSON object with
 * a string `text` gets `{"id", "error"}` in its place and makes the exit code 1. With `--train`,
 * the model is first adapted to the labelled file, as an installation adapts to its agents'
 * corrections (trained on all of it; the figures on stderr are on a held-back fifth first).
 */
export async function scoreCommand(
  args: ScoreArguments,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  const scorer = args.train === undefined ? new SentimentScorer() : adaptedScorer(args.train);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let chunk: string[] = [];
  let failures = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = scoreLine(line, scorer);
    if ('error' in result) {
      failures++;
      process.stderr.write(`line ${lineNumber}: ${result.error}\n`);
    }
    chunk.push(JSON.stringify(result));
    if (chunk.length >= WRITE_CHUNK) {
      await write(output, chunk);
      chunk = [];
    }
  }
  await write(output, chunk);
  return failures === 0 ? 0 : 1;
}

type ScoredLine =
  | ({ id: unknown } & Omit<SentimentReading, 'explanation'> & { explanation: SentimentReading['explanation'] })
  | { id: unknown; error: string };

function scoreLine(line: string, scorer: SentimentScorer): ScoredLine {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `not JSON: ${(error as Error).message}` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id: null, error: 'expected a JSON object {"id": ..., "text": "..."}' };
  }
  const { id = null, text, lang } = input as { id?: unknown; text?: unknown; lang?: unknown };
  if (typeof text !== 'string') {
    return { id, error: '"text" must be a string' };
  }
  if (lang !== undefined && lang !== null && typeof lang !== 'string') {
    return { id, error: '"lang", when given, must be a language tag such as "en"' };
  }
  const { label, score, lang: read, confidence, explanation } = scorer.score(text, lang ?? undefined);
  return { id, label, score, lang: read, confidence, explanation };
}

function adaptedScorer(file: string): SentimentScorer {
  const examples = loadLabelledNdjson(file);
  const measured = adaptSentiment(examples);
  const { adaptation } = adaptSentiment(examples, { heldOutFraction: 0 });
  process.stderr.write(
    `${JSON.stringify({
      adaptedOn: adaptation.trainedOn,
      heldOut: measured.heldOut,
      accuracyBefore: round(measured.accuracyBefore),
      accuracyAfter: round(measured.accuracyAfter),
    })}\n`,
  );
  return new SentimentScorer({ adaptation });
}

function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}

function write(output: NodeJS.WritableStream, lines: string[]): Promise<void> {
  if (lines.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    output.write(`${lines.join('\n')}\n`, (error) => (error ? reject(error) : resolve()));
  });
}
