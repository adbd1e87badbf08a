import { MAX_JSON_DEPTH, nestsDeeperThan, validateMention } from '@watchfloor/domain';
import type { Mention } from '@watchfloor/domain';

export interface RejectedItem {
  index: number;
  reason: string;
  input: unknown;
}

/** What a platform response yields: the mentions, and the items that could not be made into one. */
export interface NormalizedBatch {
  mentions: Mention[];
  rejected: RejectedItem[];
}

/** The body as a whole is not what the platform sends (not JSON, wrong shape): nothing can be kept. */
export class UnreadableResponseError extends Error {}

/**
 * Maps each item with `toMention`, then validates it as the pipeline will, so a malformed item
 * is set aside with its reason and the rest are kept.
 */
export function normalizeItems(
  items: unknown[],
  toMention: (item: Record<string, unknown>) => unknown,
): NormalizedBatch {
  const batch: NormalizedBatch = { mentions: [], rejected: [] };
  items.forEach((item, index) => {
    try {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error('not an object');
      const result = validateMention(toMention(item as Record<string, unknown>));
      if (result.ok) batch.mentions.push(result.mention);
      else batch.rejected.push({ index, reason: result.reason, input: item });
    } catch (error) {
      batch.rejected.push({ index, reason: (error as Error).message, input: item });
    }
  });
  return batch;
}

/**
 * Normalizes a JSON response body (or NDJSON stream lines): `itemsOf` picks the items out of each
 * value (throwing UnreadableResponseError for a value that is not the platform's response),
 * `toMention` maps each item.
 */
export function normalizeJsonResponse(
  body: string,
  itemsOf: (value: unknown) => unknown[],
  toMention: (item: Record<string, unknown>) => unknown,
): NormalizedBatch {
  return normalizeItems(parseJsonBody(body).flatMap(itemsOf), toMention);
}

/** Reads a JSON body, or NDJSON stream lines (one JSON value per line). */
export function parseJsonBody(body: string): unknown[] {
  if (typeof body !== 'string') throw new UnreadableResponseError('the input is not text');
  const trimmed = body.trim();
  if (trimmed === '') throw new UnreadableResponseError('the input is empty');
  let values: unknown[];
  try {
    values = [JSON.parse(trimmed) as unknown];
  } catch {
    values = trimmed
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        try {
          return JSON.parse(line) as unknown;
        } catch (error) {
          throw new UnreadableResponseError(`line ${index + 1} is not JSON: ${(error as Error).message}`);
        }
      });
  }
  values.forEach(refuseDeepNesting);
  return values;
}

/** Refuses a value nested too deep to be queued or stored (see MAX_JSON_DEPTH). */
export function refuseDeepNesting(value: unknown): void {
  if (nestsDeeperThan(value)) {
    throw new UnreadableResponseError(`the input nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** A value named in an error message: short, and never a call to the value's own toString. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 40);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** An array as `unknown[]` (Array.isArray alone narrows to `any[]`). */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function asCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
