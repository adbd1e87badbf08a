import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from './model-file';
import type { SentimentModel } from './sentiment-model';

/**
 * Made by `pnpm train:sentiment` (apps/cli, training-data provenance in its header). The same
 * depth below the package from src/ and from dist/, so one path serves tests and builds.
 */
export const BUNDLED_MODEL_FILE = join(__dirname, '..', '..', '..', 'model', 'sentiment.wfsm');

let bundled: SentimentModel | undefined;

/** Read once per process: every scorer in it shares the weights (under 1 MB of floats). */
export function bundledSentimentModel(): SentimentModel {
  bundled ??= decodeModel(readFileSync(BUNDLED_MODEL_FILE));
  return bundled;
}
