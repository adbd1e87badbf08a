import type { SentimentClass } from '../../evaluation/classification-metrics';

/** A text a person labelled: an agent's correction, or a line of a labelled file. */
export interface LabelledText {
  text: string;
  label: SentimentClass;
  /** The platform's language tag, when known. */
  lang?: string;
}

/**
 * An installation's learned adjustment of the bundled model: sparse weight changes over the
 * model's hashed features, trained on the team's corrections. Applied on top of the bundled model
 * it was trained against (`baseModelId`); serialised with `encodeAdaptation`.
 */
export interface SentimentAdaptation {
  baseModelId: string;
  /** Feature indices whose weights changed, ascending. */
  indices: Int32Array;
  /** Three per index (positive, neutral, negative), the change added to the bundled weights. */
  deltas: Float32Array;
  /** Change to the three class biases. */
  bias: Float32Array;
  /** How many labelled texts it was trained on. */
  trainedOn: number;
}

export interface AdaptationReport {
  adaptation: SentimentAdaptation;
  trainedOn: number;
  /** Corrections kept out of training to measure it: the figures below are on these. */
  heldOut: number;
  accuracyBefore: number;
  accuracyAfter: number;
  macroF1Before: number;
  macroF1After: number;
}

export class SentimentAdaptationError extends Error {}

const MAGIC = 'WFSA';
const FORMAT_VERSION = 1;

/** Magic, version, JSON header (base model, examples), count, then int32 indices, float32 deltas and biases. */
export function encodeAdaptation(adaptation: SentimentAdaptation): Buffer {
  const header = Buffer.from(JSON.stringify({ baseModelId: adaptation.baseModelId, trainedOn: adaptation.trainedOn }));
  const count = adaptation.indices.length;
  const out = Buffer.alloc(4 + 1 + 4 + header.length + 4 + count * 4 + count * 12 + 12);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt8(FORMAT_VERSION, 4);
  out.writeUInt32LE(header.length, 5);
  header.copy(out, 9);
  let at = 9 + header.length;
  out.writeUInt32LE(count, at);
  at += 4;
  for (const index of adaptation.indices) at = out.writeInt32LE(index, at);
  for (const delta of adaptation.deltas) at = out.writeFloatLE(delta, at);
  for (const bias of adaptation.bias) at = out.writeFloatLE(bias, at);
  return out;
}

export function decodeAdaptation(input: Uint8Array): SentimentAdaptation {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const fail = (why: string) => new SentimentAdaptationError(`not a sentiment adaptation: ${why}`);
  if (bytes.length < 13 || bytes.toString('latin1', 0, 4) !== MAGIC) throw fail('no WFSA header');
  if (bytes.readUInt8(4) !== FORMAT_VERSION) throw fail(`format ${bytes.readUInt8(4)} is not ${FORMAT_VERSION}`);
  const headerEnd = 9 + bytes.readUInt32LE(5);
  if (headerEnd + 4 > bytes.length) throw fail('truncated header');
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8', 9, headerEnd));
  } catch {
    throw fail('unreadable header');
  }
  const { baseModelId, trainedOn } = (header ?? {}) as { baseModelId?: unknown; trainedOn?: unknown };
  if (typeof baseModelId !== 'string' || typeof trainedOn !== 'number') throw fail('header lacks its base model');
  const count = bytes.readUInt32LE(headerEnd);
  let at = headerEnd + 4;
  if (bytes.length !== at + count * 16 + 12) throw fail(`${bytes.length} bytes do not hold ${count} changes`);
  const indices = new Int32Array(count);
  for (let index = 0; index < count; index++, at += 4) indices[index] = bytes.readInt32LE(at);
  const deltas = new Float32Array(count * 3);
  for (let index = 0; index < count * 3; index++, at += 4) deltas[index] = bytes.readFloatLE(at);
  const bias = new Float32Array(3);
  for (let index = 0; index < 3; index++, at += 4) bias[index] = bytes.readFloatLE(at);
  for (const value of deltas) if (!Number.isFinite(value)) throw fail('a weight is not a finite number');
  return { baseModelId, indices, deltas, bias, trainedOn };
}
