import type { LabelledText } from '@watchfloor/analysis';

/** What the training thread is given: the corrections, as labelled texts. */
export interface AdaptationThreadInput {
  texts: LabelledText[];
}

/** What a training came to: weights with their held-back figures, or why the corrections could not train one. */
export type AdaptationThreadResult =
  | {
      kind: 'trained';
      baseModelId: string;
      trainedOn: number;
      heldOut: number;
      accuracyBefore: number;
      accuracyAfter: number;
      macroF1Before: number;
      macroF1After: number;
      /** `encodeAdaptation`'s bytes, moved (not copied) out of the thread. */
      weights: Uint8Array;
    }
  | { kind: 'refused'; reason: string };
