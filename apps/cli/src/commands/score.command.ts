import { createInterface } from 'node:readline';
import { SentimentScorer } from '@watchfloor/analysis';
import type { SentimentReading } from '@watchfloor/analysis';

/** Lines are written in chunks of this many: one write per line would dominate the run time. */
const WRITE_CHUNK = 1_000;

/**
 * NDJSON `{"id", "text"}` (and optionally `"lang"`, the platform's tag) on stdin → NDJSON
 * `{"id", "label", "score", "lang", "confidence", "explanation"}` on stdout, one line per input
 * line, same order, scored by exactly the pipeline's scorer. A line that is not a JSON object with
 * a string `text` gets `{"id", "error"}` in its place and makes the exit code 1.
 */
export async function scoreCommand(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const scorer = new SentimentScorer();
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

function write(output: NodeJS.WritableStream, lines: string[]): Promise<void> {
  if (lines.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    output.write(`${lines.join('\n')}\n`, (error) => (error ? reject(error) : resolve()));
  });
}
