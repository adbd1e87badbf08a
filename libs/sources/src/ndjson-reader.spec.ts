import { Readable } from 'node:stream';
import { readNdjson } from './ndjson-reader';
import type { UnparsableLine } from './ndjson-reader';

async function readAll(text: string) {
  const problems: UnparsableLine[] = [];
  const values: unknown[] = [];
  for await (const value of readNdjson(Readable.from([text]), (problem) => problems.push(problem))) values.push(value);
  return { values, problems };
}

describe('readNdjson', () => {
  it('yields one value per line and skips blank lines, with CRLF line ends too', async () => {
    const { values, problems } = await readAll('{"a":1}\r\n\n  \n{"b":2}\n');
    expect(values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(problems).toEqual([]);
  });

  it('passes a line that is not JSON on as text, and reports its line number', async () => {
    const { values, problems } = await readAll('{"a":1}\n{broken\n{"b":2}');
    expect(values).toEqual([{ a: 1 }, '{broken', { b: 2 }]);
    expect(problems).toEqual([expect.objectContaining({ line: 2, text: '{broken' })]);
  });
});
