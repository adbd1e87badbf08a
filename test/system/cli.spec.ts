import { SentimentScorer } from '@watchfloor/analysis';
import { runCommand, runWatchfloor } from '../support/run-command';

describe('pnpm watchfloor score', () => {
  const texts = [
    { id: 1, text: 'The crew was wonderful, thank you!' },
    { id: 'two', text: 'Lost my bag and nobody helps. Terrible.' },
    { id: 3, text: 'Boarding now' },
    { id: 4, text: 'not good at all' },
    { id: 5, text: 'constructor __proto__' },
  ];

  it('prints exactly one NDJSON line per input, in order, with the pipeline scorer’s label and score', async () => {
    const input = texts.map((entry) => JSON.stringify(entry)).join('\n');
    const { code, stdout } = await runCommand('pnpm', ['-s', 'watchfloor', 'score'], { stdin: `${input}\n` });
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { label: string; score: number });
    const scorer = new SentimentScorer();
    expect(lines).toEqual(texts.map(({ id, text }) => ({ id, ...scorer.score(text) })));
    for (const line of lines) {
      expect(['positive', 'neutral', 'negative']).toContain(line.label);
      expect(line.score).toBeGreaterThanOrEqual(-1);
      expect(line.score).toBeLessThanOrEqual(1);
    }
  });

  it('keeps its place on a bad line, says why on stderr, and exits non-zero', async () => {
    const { code, stdout, stderr } = await runWatchfloor(['score'], {
      stdin: '{"id":1,"text":"good"}\nnot json\n{"id":3}\n',
    });
    expect(code).toBe(1);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { id: 1, label: 'positive', score: expect.any(Number) },
      { id: null, error: expect.stringContaining('not JSON') },
      { id: 3, error: '"text" must be a string' },
    ]);
    expect(stderr).toContain('line 2');
  });

  it('handles a large input in one pass', async () => {
    const input = Array.from({ length: 20_000 }, (_, id) =>
      JSON.stringify({ id, text: `mention ${id} is great` }),
    ).join('\n');
    const { code, stdout } = await runWatchfloor(['score'], { stdin: input });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20_000);
    expect(JSON.parse(lines[19_999]!)).toMatchObject({ id: 19_999, label: 'positive' });
  });
});
