import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SentimentScorer } from '@watchfloor/analysis';
import { runCommand, runWatchfloor } from '../support/run-command';

// Every case starts the CLI once or twice: about a second each, several on a busy machine.
jest.setTimeout(30_000);

describe('pnpm watchfloor score', () => {
  const texts = [
    { id: 1, text: 'The crew was wonderful, thank you!' },
    { id: 'two', text: 'Lost my bag and nobody helps. Terrible.' },
    { id: 3, text: 'Boarding now' },
    { id: 4, text: 'not good at all' },
    { id: 5, text: 'constructor __proto__' },
    { id: 6, text: 'Der Flug wurde gestrichen und niemand hilft uns' },
    { id: 7, text: 'great flight', lang: 'es' },
  ];

  it('prints exactly one NDJSON line per input, in order, with the pipeline scorer’s reading and why', async () => {
    const input = texts.map((entry) => JSON.stringify(entry)).join('\n');
    const { code, stdout } = await runCommand('pnpm', ['-s', 'watchfloor', 'score'], { stdin: `${input}\n` });
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { label: string; score: number; confidence: number; lang: string });
    const scorer = new SentimentScorer();
    expect(lines).toEqual(texts.map(({ id, text, lang }) => ({ id, ...scorer.score(text, lang) })));
    expect(lines.map((line) => [line.label, line.lang])).toEqual([
      ['positive', 'en'],
      ['negative', 'en'],
      ['neutral', 'en'],
      ['negative', 'en'],
      ['neutral', 'en'],
      ['unsupported', 'de'],
      ['unsupported', 'es'],
    ]);
    expect(lines[1]).toMatchObject({
      explanation: expect.arrayContaining([{ text: 'Terrible', weight: expect.any(Number) }]),
    });
    const terrible = (lines[1] as unknown as { explanation: { text: string; weight: number }[] }).explanation.find(
      (evidence) => evidence.text === 'Terrible',
    );
    expect(terrible!.weight).toBeLessThan(-1);
    for (const line of lines) {
      expect(line.score).toBeGreaterThanOrEqual(-1);
      expect(line.score).toBeLessThanOrEqual(1);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
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
      expect.objectContaining({ id: 1, label: 'positive', score: expect.any(Number), lang: 'en' }),
      { id: null, error: expect.stringContaining('not JSON') },
      { id: 3, error: '"text" must be a string' },
    ]);
    expect(stderr).toContain('line 2');
  });

  describe('--train FILE', () => {
    let directory: string;
    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'wf-score-train-'));
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    /** A team whose customers call a broken lounge "zorbly": 80 corrections say so. */
    function aCorrectionsFile(lines: string[]): string {
      const file = join(directory, `corrections-${lines.length}.ndjson`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    }
    const corrections = Array.from({ length: 80 }, (_, id) =>
      JSON.stringify({ id: String(id), text: `the lounge at gate ${id} was zorbly again`, label: 'negative' }),
    );

    it('adapts to the labelled file, then scores stdin with the same contract', async () => {
      const stdin = [
        '{"id":"a","text":"that zorbly lounge"}',
        '{"id":"b","text":"The crew was wonderful, thank you!"}',
      ];
      const plain = await runWatchfloor(['score'], { stdin: stdin.join('\n') });
      const trained = await runWatchfloor(['score', '--train', aCorrectionsFile(corrections)], {
        stdin: stdin.join('\n'),
      });
      expect(trained.code).toBe(0);
      const before = plain.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; label: string });
      const after = trained.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; label: string });
      expect(after.map((line) => line.id)).toEqual(['a', 'b']);
      expect(before[0]!.label).not.toBe('negative');
      expect(after[0]).toMatchObject({ id: 'a', label: 'negative', score: expect.any(Number) });
      expect(after[1]).toMatchObject({ id: 'b', label: 'positive' });
      // What it learned and how it did on a held-back part goes to stderr, never into the data.
      expect(JSON.parse(trained.stderr.trim().split('\n').pop()!)).toMatchObject({
        adaptedOn: 80,
        accuracyAfter: expect.any(Number),
      });
    });

    it('refuses a bad labelled file, naming the line, and scores nothing', async () => {
      const file = aCorrectionsFile([...corrections.slice(0, 30), '{"id":"x","text":"meh","label":"angry"}']);
      const { code, stdout, stderr } = await runWatchfloor(['score', '--train', file], {
        stdin: '{"id":1,"text":"x"}',
      });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${file}:31: "label" must be positive, neutral or negative, not "angry"`);
      const missing = await runWatchfloor(['score', '--train', join(directory, 'nope.ndjson')], { stdin: '' });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('does not exist');
    });

    it('says how many labelled texts it needs when given too few', async () => {
      const { code, stderr } = await runWatchfloor(['score', '--train', aCorrectionsFile(corrections.slice(0, 5))], {
        stdin: '',
      });
      expect(code).toBe(1);
      expect(stderr).toContain('adapting needs at least 20');
    });
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

describe('pnpm watchfloor normalize', () => {
  const searchResponse = JSON.stringify({
    data: [
      {
        id: '1861',
        text: 'Lost my bag &amp; more',
        author_id: '42',
        created_at: '2026-11-23T10:00:00.000Z',
        lang: 'en',
      },
    ],
    includes: { users: [{ id: '42', name: 'Dana', username: 'dana', public_metrics: { followers_count: 1200 } }] },
    meta: { result_count: 1 },
  });

  it('prints the normalized mentions of a raw response as NDJSON, and nothing else', async () => {
    const { code, stdout } = await runCommand('pnpm', ['-s', 'watchfloor', 'normalize', '--platform', 'twitter'], {
      stdin: searchResponse,
    });
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        platform: 'twitter',
        externalId: '1861',
        url: 'https://x.com/dana/status/1861',
        text: 'Lost my bag & more',
        createdAt: '2026-11-23T10:00:00.000Z',
        author: { handle: 'dana', name: 'Dana', followers: 1200 },
        lang: 'en',
      }),
    ]);
  });

  it('exits non-zero with a message on stderr for input that is not the platform’s response', async () => {
    const { code, stdout, stderr } = await runWatchfloor(['normalize', '--platform', 'reddit'], {
      stdin: '<html>nope</html>',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not JSON|not a Reddit listing/);
    const unknown = await runWatchfloor(['normalize', '--platform', 'myspace'], { stdin: '{}' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--platform must be one of twitter, mastodon, bluesky, reddit, rss');
  });
});
