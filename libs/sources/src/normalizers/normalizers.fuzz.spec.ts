import fc from 'fast-check';
import { MAX_JSON_DEPTH, validateMention } from '@watchfloor/domain';
import {
  INTERNAL_ERROR_MESSAGE,
  deeplyNested,
  hostileString,
  hostileValue,
  mostly,
  prototypeIsPolluted,
  timed,
  withPollutingKeys,
} from '@watchfloor/domain/testing';
import { NORMALIZERS } from './index';
import { UnreadableResponseError } from './normalized-batch';
import type { NormalizedBatch } from './normalized-batch';
import { normalizeRss } from './rss.normalizer';

const anyTime = mostly(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()));
const anyId = mostly(fc.oneof(fc.stringMatching(/^[0-9]{1,19}$/), hostileString));
const anyHtml = mostly(
  fc.oneof(
    hostileString,
    hostileString.map((text) => `<p>${text}</p><a href="${text}">${text}</a>&amp;&#xD800;&#99999999;`),
  ),
);

/** Payloads in each platform's documented shape, with any field possibly of the wrong kind. */
const PAYLOADS = {
  twitter: fc.record({
    data: mostly(
      fc.array(
        fc.record({
          id: anyId,
          text: mostly(hostileString),
          author_id: anyId,
          created_at: anyTime,
          lang: mostly(fc.constantFrom('en', 'und')),
          geo: mostly(fc.record({ place_id: anyId, coordinates: mostly(fc.record({ coordinates: hostileValue })) })),
          referenced_tweets: mostly(fc.array(fc.record({ type: mostly(fc.constant('quoted')), id: anyId }))),
          public_metrics: mostly(fc.record({ like_count: mostly(fc.nat()) })),
        }),
        { maxLength: 3 },
      ),
    ),
    includes: mostly(
      fc.record({
        users: mostly(
          fc.array(
            fc.record({
              id: anyId,
              username: mostly(hostileString),
              name: mostly(hostileString),
              verified: mostly(fc.boolean()),
              public_metrics: mostly(fc.record({ followers_count: mostly(fc.nat()) })),
            }),
          ),
        ),
        places: mostly(fc.array(fc.record({ id: anyId, full_name: hostileValue, geo: hostileValue }))),
      }),
    ),
  }),
  mastodon: fc.array(
    fc.record({
      id: anyId,
      url: mostly(fc.webUrl()),
      uri: hostileValue,
      content: anyHtml,
      created_at: anyTime,
      language: mostly(fc.constant('en')),
      in_reply_to_id: anyId,
      reblog: mostly(fc.record({ id: anyId, content: anyHtml })),
      favourites_count: mostly(fc.nat()),
      account: mostly(
        fc.record({ acct: mostly(hostileString), display_name: mostly(hostileString), followers_count: hostileValue }),
      ),
    }),
    { maxLength: 3 },
  ),
  bluesky: fc.oneof(
    fc.record({
      posts: mostly(
        fc.array(
          fc.record({
            uri: mostly(hostileString.map((text) => `at://did:plc:x/app.bsky.feed.post/${text}`)),
            indexedAt: anyTime,
            likeCount: mostly(fc.nat()),
            author: mostly(fc.record({ handle: mostly(hostileString), did: anyId, displayName: hostileValue })),
            record: mostly(
              fc.record({
                text: mostly(hostileString),
                createdAt: anyTime,
                langs: mostly(fc.array(hostileValue)),
                reply: mostly(fc.record({ parent: mostly(fc.record({ uri: hostileValue })) })),
              }),
            ),
          }),
          { maxLength: 3 },
        ),
      ),
    }),
    fc.record({
      kind: mostly(fc.constant('commit')),
      did: mostly(fc.constant('did:plc:abc')),
      commit: mostly(
        fc.record(
          {
            operation: mostly(fc.constant('create')),
            collection: mostly(fc.constant('app.bsky.feed.post')),
            rkey: anyId,
            record: mostly(fc.record({ text: mostly(hostileString), createdAt: anyTime })),
          },
          { requiredKeys: [] },
        ),
      ),
    }),
  ),
  reddit: fc.record({
    kind: mostly(fc.constant('Listing')),
    data: mostly(
      fc.record({
        children: mostly(
          fc.array(
            fc.record({
              kind: mostly(fc.constantFrom('t1', 't3')),
              data: mostly(
                fc.record({
                  name: anyId,
                  title: mostly(hostileString),
                  selftext: anyHtml,
                  body: anyHtml,
                  author: mostly(hostileString),
                  permalink: mostly(fc.oneof(fc.constant('/r/x/comments/1/a/'), hostileString)),
                  created_utc: mostly(fc.oneof(fc.integer({ min: 0, max: 2e9 }), fc.double())),
                  score: hostileValue,
                  parent_id: anyId,
                  crosspost_parent: hostileValue,
                }),
              ),
            }),
            { maxLength: 3 },
          ),
        ),
      }),
    ),
  }),
} as const;

type JsonPlatform = keyof typeof PAYLOADS;
const JSON_PLATFORMS = Object.keys(PAYLOADS) as JsonPlatform[];

/** Throws unless `normalize(body)` gave a usable batch or refused the body with UnreadableResponseError. */
function expectCleanOutcome(normalize: (body: string) => NormalizedBatch, body: string, budgetMs = 500): void {
  let batch: NormalizedBatch | undefined;
  const { ms } = timed(() => {
    try {
      batch = normalize(body);
    } catch (error) {
      if (!(error instanceof UnreadableResponseError)) throw error;
      expect(error.message).not.toMatch(INTERNAL_ERROR_MESSAGE);
    }
  });
  expect(ms).toBeLessThan(budgetMs);
  if (batch === undefined) return;
  for (const mention of batch.mentions) {
    expect(validateMention(mention)).toEqual({ ok: true, mention });
    expect(`${mention.externalId} ${mention.url}`).not.toMatch(/undefined|\[object Object\]/);
  }
  for (const rejected of batch.rejected) expect(rejected.reason).not.toMatch(INTERNAL_ERROR_MESSAGE);
  // Both go on to a queue, the database or the dead-letter list.
  expect(() => JSON.stringify(batch)).not.toThrow();
}

describe.each(JSON_PLATFORMS)('%s normalizer under hostile input', (platform) => {
  const normalize = NORMALIZERS[platform];

  it('gives mentions that validate, or rejections and refusals with readable reasons', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: PAYLOADS[platform], weight: 4 }, hostileValue), (payload) => {
        expectCleanOutcome(normalize, JSON.stringify(payload) ?? '');
      }),
      { numRuns: 300 },
    );
    expect(prototypeIsPolluted()).toBe(false);
  });

  it('copies no __proto__ or constructor key onto a prototype', () => {
    fc.assert(
      fc.property(PAYLOADS[platform], (payload) => {
        expectCleanOutcome(normalize, withPollutingKeys(JSON.stringify(payload)));
        expect(prototypeIsPolluted()).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses any text that is not JSON with UnreadableResponseError', () => {
    fc.assert(
      fc.property(hostileString, (body) => expectCleanOutcome(normalize, body)),
      { numRuns: 200 },
    );
    expect(() => normalize(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('utf8'))).toThrow(UnreadableResponseError);
  });

  it.each(['array', 'object'] as const)('refuses a body nested 10,000 levels deep (%s) with a clear error', (kind) => {
    expect(() => normalize(deeplyNested(10_000, kind))).toThrow(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    expect(() => normalize(`{"data":[${deeplyNested(10_000, kind)}],"posts":[]}\n`)).toThrow(UnreadableResponseError);
  });

  it('reads 5 MB of text in a post within a few seconds', () => {
    const huge = 'lost my bag '.repeat(440_000);
    const bodies: Record<JsonPlatform, unknown> = {
      twitter: { data: [{ id: '1', author_id: '1', text: huge, created_at: '2026-01-01T00:00:00Z' }] },
      mastodon: [{ id: '1', url: 'https://m.example/1', content: `<p>${huge}</p>`, account: { acct: 'a' } }],
      bluesky: { posts: [{ uri: 'at://did:plc:x/app.bsky.feed.post/1', record: { text: huge } }] },
      reddit: { kind: 'Listing', data: { children: [{ kind: 't3', data: { name: 't3_1', selftext: huge } }] } },
    };
    expectCleanOutcome(normalize, JSON.stringify(bodies[platform]), 5_000);
  });
});

describe('RSS normalizer under hostile input', () => {
  const field = (name: string, value: string) => `<${name}>${value}</${name}>`;
  const escaped = hostileString.map((text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;'));
  const anyXmlText = fc.oneof(escaped, hostileString, fc.constant('<![CDATA[<b>x</b>]]>'));
  const item = fc
    .record({
      title: anyXmlText,
      link: fc.oneof(fc.webUrl(), anyXmlText),
      guid: anyXmlText,
      description: anyXmlText,
      pubDate: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
        anyXmlText,
      ),
    })
    .map((fields) =>
      field(
        'item',
        Object.entries(fields)
          .map(([name, value]) => field(name, value))
          .join(''),
      ),
    );
  const feed = fc
    .array(item, { maxLength: 3 })
    .map(
      (items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`,
    );

  it('gives mentions that validate, or refuses the feed with a readable reason', () => {
    fc.assert(
      fc.property(fc.oneof(feed, hostileString), (body) => expectCleanOutcome((xml) => normalizeRss(xml), body)),
      { numRuns: 300 },
    );
    expect(prototypeIsPolluted()).toBe(false);
  });

  it('copies no __proto__ element or attribute onto a prototype', () => {
    const body =
      '<rss><channel><__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>yes</polluted></prototype></constructor>' +
      '<item __proto__="yes" constructor="x"><title>t</title><link>https://n.example/a</link><__proto__>x</__proto__></item></channel></rss>';
    expectCleanOutcome((xml) => normalizeRss(xml), body);
    expect(prototypeIsPolluted()).toBe(false);
  });

  it('refuses elements nested 10,000 levels deep with a clear error', () => {
    const deep = `<rss><channel><item>${'<b>'.repeat(10_000)}x${'</b>'.repeat(10_000)}</item></channel></rss>`;
    expect(() => normalizeRss(deep)).toThrow(UnreadableResponseError);
  });

  it('refuses DOCTYPE tricks quickly', () => {
    const { ms } = timed(() => {
      expect(() => normalizeRss('<!DOCTYPE '.repeat(300_000))).toThrow(UnreadableResponseError);
      expect(() => normalizeRss('<!DOCTYPE x>'.repeat(300_000))).toThrow(UnreadableResponseError);
      expect(() => normalizeRss('<!DOCTYPE x [<!ENTITY a "aaaa">]><rss/>')).toThrow('inline DOCTYPE');
    });
    expect(ms).toBeLessThan(2_000);
  });

  it('reads a 5 MB description within a few seconds', () => {
    const body = `<rss><channel><item><title>t</title><link>https://n.example/a</link><description>${'lost my bag '.repeat(440_000)}</description></item></channel></rss>`;
    expectCleanOutcome((xml) => normalizeRss(xml), body, 5_000);
  });

  it('reads a description of 10,000 nested HTML elements without overflowing the stack', () => {
    const html = `${'<b>'.repeat(10_000)}deep${'</b>'.repeat(10_000)}`.replaceAll('<', '&lt;');
    const body = `<rss><channel><item><title>t</title><link>https://n.example/a</link><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate><description>${html}</description></item></channel></rss>`;
    expectCleanOutcome((xml) => normalizeRss(xml), body, 5_000);
  });
});
