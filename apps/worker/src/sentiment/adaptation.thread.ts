import { parentPort, workerData } from 'node:worker_threads';
import { SentimentAdaptationError, adaptSentiment, encodeAdaptation } from '@watchfloor/analysis';
import type { AdaptationThreadInput, AdaptationThreadResult } from './adaptation-thread-protocol';

/**
 * One training, in a thread of its own: about a second of CPU per few thousand corrections that
 * the worker's ingest jobs and lock renewals would otherwise wait behind. Corrections the trainer
 * refuses (too few usable ones) are an answer, not a crash; anything else ends the thread with
 * its error, and the job fails and is retried.
 */
function train({ texts }: AdaptationThreadInput): AdaptationThreadResult {
  try {
    const report = adaptSentiment(texts);
    return {
      kind: 'trained',
      baseModelId: report.adaptation.baseModelId,
      trainedOn: report.trainedOn,
      heldOut: report.heldOut,
      accuracyBefore: report.accuracyBefore,
      accuracyAfter: report.accuracyAfter,
      macroF1Before: report.macroF1Before,
      macroF1After: report.macroF1After,
      // A copy of its own, so its buffer can be moved to the worker whole.
      weights: new Uint8Array(encodeAdaptation(report.adaptation)),
    };
  } catch (error) {
    if (error instanceof SentimentAdaptationError) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

const result = train(workerData as AdaptationThreadInput);
parentPort?.postMessage(result, result.kind === 'trained' ? [result.weights.buffer as ArrayBuffer] : []);
