import { aMention } from '@watchfloor/domain/testing';
import { classifyAmplification } from './amplification';

describe('classifyAmplification', () => {
  describe('X', () => {
    it('tells a retweet from a quote by referenced_tweets, though both arrive in repostOfId', () => {
      const retweet = aMention({
        text: 'RT @skylarkair: New routes to Seoul from March',
        repostOfId: '100',
        raw: { id: '201', referenced_tweets: [{ type: 'retweeted', id: '100' }] },
      });
      const quote = aMention({
        text: 'Finally! Booking my trip now',
        repostOfId: '100',
        raw: { id: '202', referenced_tweets: [{ type: 'quoted', id: '100' }] },
      });
      expect(classifyAmplification(retweet)).toEqual({ kind: 'repost', referenceKey: 'twitter:100' });
      expect(classifyAmplification(quote)).toEqual({ kind: 'quote', referenceKey: 'twitter:100' });
    });

    it('falls back to the "RT @user:" prefix when the payload lost referenced_tweets', () => {
      expect(classifyAmplification(aMention({ text: 'RT @dana: lost my bag', repostOfId: '7', raw: {} }))).toEqual({
        kind: 'repost',
        referenceKey: 'twitter:7',
      });
      expect(classifyAmplification(aMention({ text: 'this, exactly', repostOfId: '7', raw: {} }))).toEqual({
        kind: 'quote',
        referenceKey: 'twitter:7',
      });
    });

    it('reads a text-only "RT @user:" post as a repost of an original it cannot name', () => {
      expect(classifyAmplification(aMention({ text: 'RT @dana_k: lost my bag in Lisbon', raw: {} }))).toEqual({
        kind: 'repost',
      });
      expect(classifyAmplification(aMention({ text: 'RT if you hate delays', raw: {} })).kind).toBe('original');
    });

    it('classifies a retweet of a reply as a repost, and a quote that replies as a quote', () => {
      const retweetOfReply = aMention({
        text: 'RT @ana: @skylarkair same here',
        repostOfId: '5',
        replyToId: '4',
        raw: { referenced_tweets: [{ type: 'retweeted', id: '5' }] },
      });
      const quotingReply = aMention({
        text: 'look at this',
        repostOfId: '9',
        replyToId: '8',
        raw: {
          referenced_tweets: [
            { type: 'replied_to', id: '8' },
            { type: 'quoted', id: '9' },
          ],
        },
      });
      expect(classifyAmplification(retweetOfReply).kind).toBe('repost');
      expect(classifyAmplification(quotingReply)).toEqual({ kind: 'quote', referenceKey: 'twitter:9' });
    });

    it('classifies replies and originals', () => {
      expect(
        classifyAmplification(
          aMention({ replyToId: '3', raw: { referenced_tweets: [{ type: 'replied_to', id: '3' }] } }),
        ),
      ).toEqual({
        kind: 'reply',
        referenceKey: 'twitter:3',
      });
      expect(classifyAmplification(aMention({ raw: 'not an object' }))).toEqual({ kind: 'original' });
    });
  });

  it('reads a Mastodon reblog as a repost and a Mastodon quote post as a quote', () => {
    const reblog = aMention({ platform: 'mastodon', repostOfId: '11', raw: { reblog: { id: '11' } } });
    const quote = aMention({
      platform: 'mastodon',
      raw: { quote: { state: 'accepted', quoted_status: { id: '12' } } },
    });
    const reply = aMention({ platform: 'mastodon', replyToId: '13', raw: {} });
    expect(classifyAmplification(reblog)).toEqual({ kind: 'repost', referenceKey: 'mastodon:11' });
    expect(classifyAmplification(quote)).toEqual({ kind: 'quote', referenceKey: 'mastodon:12' });
    expect(classifyAmplification(reply)).toEqual({ kind: 'reply', referenceKey: 'mastodon:13' });
  });

  it('reads a Bluesky record embed as a quote, from a post view or a Jetstream event', () => {
    const quoted = 'at://did:plc:abc/app.bsky.feed.post/3k2';
    const fromView = aMention({
      platform: 'bluesky',
      raw: { record: { text: 'wow', embed: { $type: 'app.bsky.embed.record', record: { uri: quoted, cid: 'x' } } } },
    });
    const withMedia = aMention({
      platform: 'bluesky',
      raw: {
        commit: {
          record: {
            embed: { $type: 'app.bsky.embed.recordWithMedia', record: { record: { uri: quoted } }, media: {} },
          },
        },
      },
    });
    const withImages = aMention({
      platform: 'bluesky',
      raw: { record: { embed: { $type: 'app.bsky.embed.images' } } },
    });
    expect(classifyAmplification(fromView)).toEqual({ kind: 'quote', referenceKey: `bluesky:${quoted}` });
    expect(classifyAmplification(withMedia)).toEqual({ kind: 'quote', referenceKey: `bluesky:${quoted}` });
    expect(classifyAmplification(withImages)).toEqual({ kind: 'original' });
  });

  it('reads a Reddit crosspost as a repost and a comment as a reply; RSS items are originals', () => {
    const crosspost = aMention({ platform: 'reddit', repostOfId: 't3_abc', raw: {} });
    const comment = aMention({ platform: 'reddit', replyToId: 't3_def', raw: {} });
    expect(classifyAmplification(crosspost)).toEqual({ kind: 'repost', referenceKey: 'reddit:t3_abc' });
    expect(classifyAmplification(comment)).toEqual({ kind: 'reply', referenceKey: 'reddit:t3_def' });
    expect(classifyAmplification(aMention({ platform: 'rss', text: 'RT @x: not an X post', raw: {} }))).toEqual({
      kind: 'original',
    });
  });
});
