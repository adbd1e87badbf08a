import { aMention } from '@watchfloor/domain/testing';
import { SentimentScorer } from '@watchfloor/analysis';
import { parseQuery } from '@watchfloor/listening';
import { compileQueryTagger } from './query-tagger';
import { dropDuplicatesInBatch, scoreMentions, validateBatch } from './stages';

describe('pipeline stages', () => {
  it('splits a batch into valid mentions and rejected ones with their position and reason', () => {
    const good = aMention();
    const { valid, rejected } = validateBatch([good, { text: 'no platform' }, 'not an object', aMention()]);
    expect(valid).toHaveLength(2);
    expect(valid[0]!.externalId).toBe(good.externalId);
    expect(rejected.map((item) => item.index)).toEqual([1, 2]);
    expect(rejected[0]!.reason).toContain('platform');
    expect(rejected[1]!.input).toBe('not an object');
  });

  it('keeps the first copy of a post sent twice in one batch', () => {
    const first = aMention({ externalId: 'same', text: 'first' });
    const copy = aMention({ externalId: 'same', text: 'copy' });
    const otherPlatform = aMention({ externalId: 'same', platform: 'mastodon' });
    expect(dropDuplicatesInBatch([first, copy, otherPlatform]).map((m) => m.text)).toEqual([
      'first',
      otherPlatform.text,
    ]);
  });

  it('scores every mention, tags the queries it matches, and stamps the time it was received', () => {
    const tagger = compileQueryTagger([
      { id: 'brand', node: parseQuery('skylark') },
      { id: 'rival', node: parseQuery('"blue jay air" OR #bluejay') },
    ]);
    const scorer = new SentimentScorer();
    const { lang: _platformLang, ...untagged } = aMention({ text: 'Skylark lost my bag, awful. #BlueJay is better' });
    const scored = scoreMentions(
      [aMention({ text: 'Skylark was great' }), untagged, aMention({ text: 'Skylark war super', lang: 'de' })],
      (text, lang) => scorer.score(text, lang),
      tagger,
      1234,
    );
    expect(scored.map((m) => [m.sentiment.label, m.queryIds, m.lang, m.ingestedAt])).toEqual([
      ['positive', ['brand'], 'en', 1234],
      // No language from the platform: the one read is kept.
      ['negative', ['brand', 'rival'], 'en', 1234],
      ['unsupported', ['brand'], 'de', 1234],
    ]);
    expect(compileQueryTagger([])(aMention())).toEqual([]);
  });
});
