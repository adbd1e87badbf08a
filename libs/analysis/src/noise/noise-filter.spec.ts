import { mentionKey } from '@watchfloor/domain';
import type { Mention } from '@watchfloor/domain';
import { aMention } from '@watchfloor/domain/testing';
import { NearDuplicateIndex } from './near-duplicate-index';
import { filterNoise } from './noise-filter';
import { mentionReach } from './reach';

const CAMPAIGN =
  'Boycott Skylark Air until they refund every passenger stranded in Denver last week, share this everywhere';
const ORIGINAL = 'Skylark Air just announced new direct flights from Austin to Madrid starting in June';
const T0 = Date.parse('2026-11-23T10:00:00Z');

let next = 0;
function post(text: string, overrides: Partial<Mention> = {}): Mention {
  return aMention({ externalId: `n${++next}`, text, raw: {}, ...overrides });
}

describe('filterNoise', () => {
  it('counts the first of several near-duplicates as the voice and the others as its echoes', () => {
    const index = new NearDuplicateIndex();
    const first = post(CAMPAIGN);
    const other = post(ORIGINAL);
    const verdicts = filterNoise(
      [first, post(`@ana ${CAMPAIGN} #boycott`), other, post(`${CAMPAIGN} https://t.co/x`)],
      index,
      T0,
    );
    expect(verdicts.map((verdict) => [verdict.isNewVoice, verdict.echoOf, verdict.duplicateGroup])).toEqual([
      [true, undefined, undefined],
      [false, mentionKey(first), { id: mentionKey(first), size: 2 }],
      [true, undefined, undefined],
      [false, mentionKey(first), { id: mentionKey(first), size: 3 }],
    ]);
    expect(verdicts.every((verdict) => verdict.kind === 'original')).toBe(true);
  });

  it('counts a repost as an echo of its original and keeps it out of duplicate groups', () => {
    const index = new NearDuplicateIndex();
    const original = post(ORIGINAL, { externalId: '100' });
    const retweet = post(`RT @skylarkair: ${ORIGINAL}`, {
      repostOfId: '100',
      raw: { referenced_tweets: [{ type: 'retweeted', id: '100' }] },
    });
    const [, repost, copy] = filterNoise([original, retweet, post(`${ORIGINAL} 😍`)], index, T0);
    expect(repost).toEqual({ kind: 'repost', echoOf: 'twitter:100', reach: mentionReach(retweet), isNewVoice: false });
    expect(copy!.duplicateGroup).toEqual({ id: 'twitter:100', size: 2 });
  });

  it('finds the original of a text-only "RT @user:" repost by its words, in a later batch', () => {
    const index = new NearDuplicateIndex();
    const original = post(ORIGINAL);
    filterNoise([original], index, T0);
    const [found, orphan] = filterNoise(
      [post(`RT @dana: ${ORIGINAL}`), post('RT @dana: an original this index never saw, about lounges and coffee')],
      index,
      T0 + 1_000,
    );
    expect(found).toMatchObject({ kind: 'repost', echoOf: mentionKey(original), isNewVoice: false });
    expect(found!.duplicateGroup).toBeUndefined();
    expect(orphan).toMatchObject({ kind: 'repost', isNewVoice: false });
    expect(orphan!.echoOf).toBeUndefined();
  });

  it('counts quotes and replies as voices, unless their words are copied', () => {
    const index = new NearDuplicateIndex();
    const quote = post('Finally a direct flight to Madrid, booking for my sister right now', {
      repostOfId: '100',
      raw: { referenced_tweets: [{ type: 'quoted', id: '100' }] },
    });
    const reply = post('@skylarkair any plans for Lisbon too? My family would love that route', { replyToId: '100' });
    const flood = [1, 2, 3].map((bot) =>
      post(`@skylarkair @user${bot} DM me for cheap followers now, limited offer today only`, { replyToId: '100' }),
    );
    const verdicts = filterNoise([quote, reply, ...flood], index, T0);
    expect(verdicts.map((verdict) => [verdict.kind, verdict.isNewVoice])).toEqual([
      ['quote', true],
      ['reply', true],
      ['reply', true],
      ['reply', false],
      ['reply', false],
    ]);
    expect(verdicts[4]!.echoOf).toBe(mentionKey(flood[0]!));
  });

  it('gives every mention its reach', () => {
    const mention = post(ORIGINAL, { author: { handle: 'press', followers: 250_000, verified: true } });
    expect(filterNoise([mention], new NearDuplicateIndex(), T0)[0]!.reach).toBe(mentionReach(mention));
  });

  it('uses the batch arrival time as the window clock', () => {
    const index = new NearDuplicateIndex({ windowMs: 60_000 });
    filterNoise([post(CAMPAIGN)], index, T0);
    expect(filterNoise([post(CAMPAIGN)], index, T0 + 30_000)[0]!.isNewVoice).toBe(false);
    expect(filterNoise([post(`${CAMPAIGN} #again`)], index, T0 + 200_000)[0]!.isNewVoice).toBe(true);
  });

  it('gives the same verdicts on two workers fed the same batches', () => {
    const batches = [
      [post(CAMPAIGN), post(ORIGINAL), post(`RT @a: ${ORIGINAL}`)],
      [post(`${CAMPAIGN} #x`), post('Short post'), post('short post!!')],
    ];
    const run = () => {
      const index = new NearDuplicateIndex();
      return batches.map((batch, position) => filterNoise(batch, index, T0 + position));
    };
    expect(run()).toEqual(run());
  });
});
