// PostgreSQL's jsonb refuses "\u0000" and unpaired surrogate escapes, both of which platform
// payloads can carry. One bad string would fail the whole batch forever, so such strings are
// repaired (U+FFFD) instead; the common case pays for one scan of the serialized text.
const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

function repairString(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.toWellFormed().replaceAll('\u0000', '\uFFFD') : value;
}

/** Serializes a value for a `$n::jsonb` parameter. */
export function toJsonbParameter(value: unknown): string {
  const json = JSON.stringify(value);
  return UNSTORABLE_ESCAPE.test(json) ? JSON.stringify(value, repairString) : json;
}
