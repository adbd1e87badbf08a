import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface UnparsableLine {
  line: number;
  error: string;
  text: string;
}

/**
 * Reads NDJSON one line at a time (files of any size, constant memory). Blank lines are skipped;
 * a line that is not JSON is yielded as its text, so the pipeline dead-letters it with a reason
 * instead of it vanishing, and `onUnparsable` is told.
 */
export async function* readNdjson(
  input: Readable,
  onUnparsable: (problem: UnparsableLine) => void,
): AsyncGenerator<unknown> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    try {
      yield JSON.parse(text);
    } catch (error) {
      onUnparsable({ line: lineNumber, error: (error as Error).message, text });
      yield text;
    }
  }
}
