import { gunzipSync, gzipSync } from 'node:zlib';
import { SentimentModel, SentimentModelError } from './sentiment-model';
import type { ModelProvenance } from './sentiment-model';
import { CLASS_COUNT } from './softmax-training';
import { DENSE_FEATURE_COUNT } from './text-features';

const MAGIC = 'WFSM';
const FORMAT_VERSION = 1;
/** Hashed weights are stored in 8 bits with a scale per class: a quarter of the size, the same labels. */
const INT8_MAX = 127;

interface ModelHeader {
  id: string;
  hashBits: number;
  denseFeatures: number;
  provenance: ModelProvenance;
}

/**
 * The model file, gzipped: magic, version, a JSON header, then float32 biases, float32 dense
 * weights, one float32 scale per class and the hashed weights as int8. Little-endian throughout.
 */
export function encodeModel(model: SentimentModel): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      id: model.id,
      hashBits: model.hashBits,
      denseFeatures: DENSE_FEATURE_COUNT,
      provenance: model.provenance,
    } satisfies ModelHeader),
  );
  const denseLength = DENSE_FEATURE_COUNT * CLASS_COUNT;
  const hashed = model.weights.subarray(denseLength);
  const scales = new Float32Array(CLASS_COUNT);
  for (let at = 0; at < hashed.length; at++) {
    const c = at % CLASS_COUNT;
    scales[c] = Math.max(scales[c]!, Math.abs(hashed[at]!) / INT8_MAX);
  }
  const quantized = new Int8Array(hashed.length);
  for (let at = 0; at < hashed.length; at++) {
    const scale = scales[at % CLASS_COUNT]!;
    quantized[at] = scale === 0 ? 0 : Math.round(hashed[at]! / scale);
  }
  const prefix = Buffer.alloc(4 + 1 + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt8(FORMAT_VERSION, 4);
  prefix.writeUInt32LE(header.length, 5);
  return gzipSync(
    Buffer.concat([
      prefix,
      header,
      floatBytes(model.bias),
      floatBytes(model.weights.subarray(0, denseLength)),
      floatBytes(scales),
      Buffer.from(quantized.buffer, quantized.byteOffset, quantized.byteLength),
    ]),
    { level: 9 },
  );
}

export function decodeModel(file: Uint8Array): SentimentModel {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(file);
  } catch (error) {
    throw new SentimentModelError(`not a sentiment model file (gzip: ${(error as Error).message})`);
  }
  if (bytes.length < 9 || bytes.toString('latin1', 0, 4) !== MAGIC) {
    throw new SentimentModelError('not a sentiment model file (no WFSM header)');
  }
  const version = bytes.readUInt8(4);
  if (version !== FORMAT_VERSION) {
    throw new SentimentModelError(`sentiment model format ${version} is not ${FORMAT_VERSION}: rebuild the model`);
  }
  const headerEnd = 9 + bytes.readUInt32LE(5);
  const header = JSON.parse(bytes.toString('utf8', 9, headerEnd)) as ModelHeader;
  if (header.denseFeatures !== DENSE_FEATURE_COUNT) {
    throw new SentimentModelError(
      `the model has ${header.denseFeatures} dense features, this code ${DENSE_FEATURE_COUNT}: retrain it`,
    );
  }
  const denseLength = DENSE_FEATURE_COUNT * CLASS_COUNT;
  const hashedLength = (1 << header.hashBits) * CLASS_COUNT;
  const expected = headerEnd + 4 * (CLASS_COUNT + denseLength + CLASS_COUNT) + hashedLength;
  if (bytes.length !== expected) {
    throw new SentimentModelError(`the sentiment model file is ${bytes.length} bytes, expected ${expected}`);
  }
  let at = headerEnd;
  const floats = (count: number) => {
    const out = new Float32Array(count);
    for (let index = 0; index < count; index++, at += 4) out[index] = bytes.readFloatLE(at);
    return out;
  };
  const bias = floats(CLASS_COUNT);
  const dense = floats(denseLength);
  const scales = floats(CLASS_COUNT);
  const weights = new Float32Array(denseLength + hashedLength);
  weights.set(dense);
  for (let index = 0; index < hashedLength; index++, at++) {
    weights[denseLength + index] = bytes.readInt8(at) * scales[index % CLASS_COUNT]!;
  }
  return new SentimentModel(header.id, header.hashBits, weights, bias, header.provenance);
}

function floatBytes(values: Float32Array): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => out.writeFloatLE(value, index * 4));
  return out;
}
