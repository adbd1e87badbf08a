import { isPlatform, PLATFORMS } from '@watchfloor/domain';
import { NORMALIZERS } from '@watchfloor/sources';

/** Large enough for any API page or stream capture; bounded so a runaway pipe cannot eat memory. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * `normalize --platform P`: one raw API response body (or stream lines) on stdin → the common
 * mentions as NDJSON on stdout. Items that cannot be normalized are named on stderr and skipped;
 * input that is not the platform's response at all exits 1.
 */
export async function normalizeCommand(
  platform: string | undefined,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  if (!isPlatform(platform)) throw new Error(`--platform must be one of ${PLATFORMS.join(', ')}`);
  const body = await readAll(input);
  const { mentions, rejected } = NORMALIZERS[platform](body);
  for (const item of rejected) process.stderr.write(`item ${item.index}: ${item.reason}\n`);
  if (mentions.length > 0) output.write(`${mentions.map((mention) => JSON.stringify(mention)).join('\n')}\n`);
  return mentions.length === 0 && rejected.length > 0 ? 1 : 0;
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`the input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
