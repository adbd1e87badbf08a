import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SentimentSetError, classOfMeanRating, loadDefaultSets, loadSetFile } from './sentiment-sets';

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
    const defaults = loadDefaultSets(join(directory, 'no-such-folder'));
    expect(defaults.sets).toEqual([]);
    expect(defaults.absent).toEqual([
      join(directory, 'no-such-folder', 'tweets_GroundTruth.txt'),
      join(directory, 'no-such-folder', 'amazonReviewSnippets_GroundTruth.txt'),
    ]);
  });

  it('loads whichever default set is present and reports the other absent', () => {
    aSetFile('tweets_GroundTruth.txt', ['1\t1\tnice']);
    const defaults = loadDefaultSets(directory);
    expect(defaults.sets.map((set) => set.name)).toEqual(['tweets']);
    expect(defaults.absent).toEqual([join(directory, 'amazonReviewSnippets_GroundTruth.txt')]);
  });

  it('classes ratings by the VADER cut-offs', () => {
    expect([0.51, 0.5, -0.5, -0.51].map(classOfMeanRating)).toEqual(['positive', 'neutral', 'neutral', 'negative']);
  });
});
