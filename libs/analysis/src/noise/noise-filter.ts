import type { Mention } from '@watchfloor/domain';
import { classifyAmplification } from './amplification';
import type { Amplification, AmplificationKind } from './amplification';
import type { NearDuplicateIndex } from './near-duplicate-index';
import { mentionReach } from './reach';
import { fingerprintText } from './simhash';

/** What the noise filter says about one mention; spike detection counts only `isNewVoice`. */
export interface NoiseVerdict {
  kind: AmplificationKind;
  /**
   * mentionKey of the post this one echoes: the original of a repost, or the first member of the
   * near-duplicate group it joined. Absent for new voices, and for a text-only "RT @user:" repost
   * whose original is not in the index's window.
   */
  echoOf?: string;
  /** The near-duplicate group it joined (size counts this one). Absent when it starts or is alone in one. */
  duplicateGroup?: { id: string; size: number };
  /** 0–100, see reach.ts. */
  reach: number;
  /**
   * The rule: reposts are never new voices (they add no words); any other kind is a new voice unless
   * its text is a near-duplicate of an earlier post in the window. Quotes and replies add words, so
   * they count, except when those words are copied (reply floods, copy-paste quote campaigns).
   */
  isNewVoice: boolean;
}

/**
 * Classifies a batch, in arrival order, against a long-lived index (one per worker): the first of
 * several near-duplicates, in this batch or an earlier one, is the voice; the rest echo it.
 * `receivedAt` (epoch ms, the batch's arrival) is the index's clock; without it, each post's
 * createdAt is. Deterministic: the same batches in the same order give the same verdicts on any
 * worker. Reposts are not added to the index: their text is the original's, and the original's
 * group must not grow with its own amplification, which is counted through `echoOf`.
 */
export function filterNoise<M extends Mention>(
  mentions: readonly M[],
  index: NearDuplicateIndex,
  receivedAt?: number,
  classify: (mention: M) => Amplification = classifyAmplification,
): NoiseVerdict[] {
  const verdicts = new Array<NoiseVerdict>(mentions.length);
  for (let position = 0; position < mentions.length; position++) {
    const mention = mentions[position]!;
    const { kind, referenceKey } = classify(mention);
    const reach = mentionReach(mention);
    if (kind === 'repost') {
      const echoOf = referenceKey ?? index.find(fingerprintText(mention.text))?.groupId;
      verdicts[position] =
        echoOf === undefined ? { kind, reach, isNewVoice: false } : { kind, echoOf, reach, isNewVoice: false };
      continue;
    }
    const match = index.add(mention, receivedAt);
    verdicts[position] = match.isFirst
      ? { kind, reach, isNewVoice: true }
      : {
          kind,
          echoOf: match.groupId,
          duplicateGroup: { id: match.groupId, size: match.groupSize },
          reach,
          isNewVoice: false,
        };
  }
  return verdicts;
}
