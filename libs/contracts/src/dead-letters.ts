/**
 * Dead letters of items a source's normalizer set aside are filed under batch ids
 * `poll:…:rejected:…` and `stream:…:rejected:…`: their payload is the platform's raw item, not a
 * mention, so ingestion cannot take them back. The sources write these ids; the replay reads them.
 */
const SOURCE_REJECTS_MARKER = ':rejected:';
const SOURCE_REJECTS_BATCH_ID = /^(?:poll|stream):.+:rejected:[^:]+$/;

/** `base` names the source (`poll:…` or `stream:…`); `distinguisher` keeps one item or read apart from another. */
export function sourceRejectsBatchId(base: string, distinguisher: string): string {
  return `${base}${SOURCE_REJECTS_MARKER}${distinguisher}`;
}

export function holdsSourceRejects(batchId: string): boolean {
  return SOURCE_REJECTS_BATCH_ID.test(batchId);
}

/** The batch a dead letter is replayed as: one per dead letter, so replaying it again is not queued twice. */
export function deadLetterReplayBatchId(deadLetterId: string): string {
  return `dlq:${deadLetterId}`;
}
