import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SentimentSetError,
  VADER_TRAINING_SHARE,
  classOfMeanRating,
  cleanSemEvalText,
  loadDefaultSets,
  loadSetFile,
  parseLabelledNdjson,
  splitVaderSet,
} from './sentiment-sets';

describe('sentiment sets', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'wf-sentiment-sets-'));
  });

  function aSetFile(name: string, lines: string[]): string {
    const file = join(directory, name);
    writeFileSync(file, lines.join('\n'));
    return file;
  }

  it('reads the VADER format, classing mean ratings above 0.5 positive and below -0.5 negative', () => {
    const file = aSetFile('tweets.txt', [
      '1\t2.7\tLove this &amp; that',
      '2\t0.5\texactly on the line is neutral',
      '3\t-0.51\tnot great',
      '4\t-3\tawful\twith a tab inside',
    ]);
    expect(loadSetFile(file)).toEqual({
      name: 'tweets',
      file,
      texts: ['Love this &amp; that', 'exactly on the line is neutral', 'not great', 'awful\twith a tab inside'],
      expected: ['positive', 'neutral', 'negative', 'negative'],
    });
  });

  it('reads the labelled format after a header line, with CRLF endings and blank lines', () => {
    const file = aSetFile('reviews.tsv', [
      'label\ttext\r',
      'Positive\tGreat  service \r',
      '',
      'negative\tlate again\r',
    ]);
    const set = loadSetFile(file, 'reviews');
    expect(set.texts).toEqual(['Great  service ', 'late again']);
    expect(set.expected).toEqual(['positive', 'negative']);
  });

  it('names the file and line of a malformed row', () => {
    const file = aSetFile('broken.tsv', ['neutral\tfine', 'positive\tgood', 'angry\tthis label is unknown']);
    expect(() => loadSetFile(file)).toThrow(SentimentSetError);
    expect(() => loadSetFile(file)).toThrow(`${file}:3: "angry" is not positive, neutral or negative`);
  });

  it('names the line of a VADER row whose rating is not a number', () => {
    const file = aSetFile('vader.txt', ['1\t1.5\tgood', '2\tn/a\tbad']);
    expect(() => loadSetFile(file)).toThrow(`${file}:2: the mean rating "n/a" is not a number`);
  });

  it('refuses a file with no labelled text rather than scoring nothing', () => {
    const file = aSetFile('empty.tsv', ['label\ttext', '']);
    expect(() => loadSetFile(file)).toThrow(/no labelled texts/);
  });

  it('answers "absent" with the paths it looked for when the default sets are not there', () => {
    const missing = join(directory, 'no-such-folder');
    const defaults = loadDefaultSets(missing, missing);
    expect(defaults.sets).toEqual([]);
    expect(defaults.absent).toEqual([
      join(missing, 'dev.ndjson'),
      join(missing, 'tweets_GroundTruth.txt'),
      join(missing, 'amazonReviewSnippets_GroundTruth.txt'),
    ]);
  });

  it('loads whichever default set is present, SemEval dev cleaned, and reports the others absent', () => {
    aSetFile('tweets_GroundTruth.txt', ['1\t1\tnice']);
    aSetFile('dev.ndjson', [JSON.stringify({ id: '1', text: '"it\\u2019s ""fine"""', label: 'neutral' })]);
    const defaults = loadDefaultSets(directory, directory);
    expect(defaults.sets.map((set) => set.name)).toEqual(['semeval', 'tweets']);
    expect(defaults.sets[0]!.texts).toEqual(['it’s "fine"']);
    expect(defaults.absent).toEqual([join(directory, 'amazonReviewSnippets_GroundTruth.txt')]);
  });

  it('holds out the same VADER rows whatever the order of the file, and never trains on them', () => {
    const texts = Array.from({ length: 400 }, (_, index) => `text number ${index}`);
    const set = { name: 'tweets', file: 'f', texts, expected: texts.map(() => 'neutral' as const) };
    const forwards = splitVaderSet(set);
    const backwards = splitVaderSet({ ...set, texts: [...texts].reverse() });
    expect(new Set(backwards.heldOut.texts)).toEqual(new Set(forwards.heldOut.texts));
    const trained = new Set(forwards.training.map((row) => row.text));
    expect(forwards.heldOut.texts.some((text) => trained.has(text))).toBe(false);
    expect(forwards.training.length / texts.length).toBeCloseTo(VADER_TRAINING_SHARE, 1);
    expect(forwards.heldOut.name).toBe('tweets');
  });

  it('reads labelled NDJSON and names the first bad line and what it expected', () => {
    const good = '{"id":"1","text":"ok","label":"positive"}\n\n{"text":"meh","label":"neutral","lang":"en"}\n';
    expect(parseLabelledNdjson(good, 'f')).toEqual([
      { text: 'ok', label: 'positive' },
      { text: 'meh', label: 'neutral', lang: 'en' },
    ]);
    expect(() => parseLabelledNdjson('{"text":"ok","label":"positive"}\nnope', 'f')).toThrow(/^f:2: not JSON/);
    expect(() => parseLabelledNdjson('[1]', 'f')).toThrow('f:1: expected an object {"id", "text", "label"}');
    expect(() => parseLabelledNdjson('{"text":"","label":"positive"}', 'f')).toThrow(/"text" must be a non-empty/);
    expect(() => parseLabelledNdjson('{"text":"x","label":"angry"}', 'f')).toThrow(
      'f:1: "label" must be positive, neutral or negative, not "angry"',
    );
    expect(() => parseLabelledNdjson('{"text":"x","label":"negative","lang":3}', 'f')).toThrow(/"lang"/);
  });

  it('undoes the SemEval download’s escapes and CSV quoting, and nothing else', () => {
    expect(cleanSemEvalText('"I said ""no"" \\u002c twice"')).toBe('I said "no" , twice');
    expect(cleanSemEvalText('plain &amp; simple')).toBe('plain &amp; simple');
    expect(cleanSemEvalText('"unbalanced')).toBe('"unbalanced');
  });

  it('classes ratings by the VADER cut-offs', () => {
    expect([0.51, 0.5, -0.5, -0.51].map(classOfMeanRating)).toEqual(['positive', 'neutral', 'neutral', 'negative']);
  });
});
