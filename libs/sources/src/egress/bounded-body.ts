import type { Response } from 'undici';
import { RemoteBodyTooLargeError, describeUrl } from './egress-errors';
import { maxBodyBytes } from './egress-guard';

/** What the bounded reader needs of an egressFetch answer. */
export type StreamedAnswer = Pick<Response, 'headers' | 'body'>;

/**
 * Reads an answer as UTF-8 text, counting the bytes as they arrive after decompression (fetch
 * inflates gzip, br and deflate as it streams), and cancels the download at the limit: a few KB
 * of gzip that inflate to gigabytes, or a chunked answer that never ends, costs at most the limit.
 */
export async function readBoundedText(answer: StreamedAnswer, url: string, limit = maxBodyBytes()): Promise<string> {
  const declared = Number(answer.headers.get('content-length') ?? NaN);
  // A declared length counts encoded bytes; decoded ones are at least as many, so it can refuse early.
  if (Number.isFinite(declared) && declared > limit) {
    await answer.body?.cancel().catch(() => undefined);
    throw new RemoteBodyTooLargeError(describeUrl(url), limit);
  }
  if (answer.body === null) return '';
  const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RemoteBodyTooLargeError(describeUrl(url), limit);
    }
    chunks.push(value);
  }
  // TextDecoder drops a byte-order mark as response.text() does; some feeds start with one.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
