import fc from 'fast-check';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { MAX_TEXT_LENGTH, validateMention } from './mention-validation';
import {
  INTERNAL_ERROR_MESSAGE,
  aMention,
  deeplyNested,
  hostileString,
  hostileValue,
  mostly,
  prototypeIsPolluted,
  timed,
  withPollutingKeys,
} from './testing';

/** A mention as a source could send it: every field usually right, any field possibly hostile. */
const mentionLike = fc.record(
  {
    platform: mostly(fc.constantFrom('twitter', 'mastodon', 'bluesky', 'reddit', 'rss')),
    externalId: mostly(hostileString),
    source: mostly(fc.constant('fuzz')),
    url: mostly(
      fc.oneof(
        fc.webUrl(),
        hostileString.map((text) => `https://x.com/${text}`),
      ),
    ),
    text: mostly(hostileString),
    createdAt: mostly(fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
    author: mostly(
      fc.record({ handle: mostly(hostileString), name: mostly(hostileString), followers: mostly(fc.nat()) }),
    ),
    lang: mostly(fc.constantFrom('en', 'pt-BR', 'und')),
    place: mostly(fc.record({ lat: mostly(fc.double()), lon: mostly(fc.double()), name: mostly(hostileString) })),
    replyToId: mostly(hostileString),
    metrics: mostly(fc.record({ likes: mostly(fc.nat()), reposts: mostly(fc.integer()) })),
    raw: hostileValue,
  },
  { requiredKeys: [] },
);

describe('validateMention under hostile input', () => {
  it('answers any value with a mention or a readable reason, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(mentionLike, hostileValue), (input) => {
        const { result, ms } = timed(() => validateMention(input));
        expect(ms).toBeLessThan(200);
        if (!result.ok) {
          expect(result.reason).not.toMatch(INTERNAL_ERROR_MESSAGE);
          return;
        }
        // What is accepted can be stored and queued: serializable, and canonical (validating again changes nothing).
        expect(() => JSON.stringify(result.mention)).not.toThrow();
        expect(validateMention(result.mention)).toEqual(result);
        expect(result.mention.text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
      }),
      { numRuns: 500 },
    );
    expect(prototypeIsPolluted()).toBe(false);
  });

  it('refuses 5 MB of text quickly', () => {
    const { result, ms } = timed(() => validateMention(aMention({ text: 'x'.repeat(5 * 1024 * 1024) })));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('text:') as string });
    expect(ms).toBeLessThan(1_000);
  });

  it('refuses text that normalization lengthens past the limit', () => {
    // U+FB2C (a Hebrew presentation form) decomposes into three characters under NFC.
    const result = validateMention(aMention({ text: '\uFB2C'.repeat(MAX_TEXT_LENGTH / 2) }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('once normalized') as string });
  });

  it('refuses a raw payload nested 10,000 levels deep, which nothing downstream could serialize', () => {
    for (const kind of ['array', 'object'] as const) {
      const raw = JSON.parse(deeplyNested(10_000, kind)) as unknown;
      expect(validateMention(aMention({ raw }))).toEqual({
        ok: false,
        reason: `raw: must not nest deeper than ${MAX_JSON_DEPTH} levels`,
      });
    }
    expect(validateMention(aMention({ raw: JSON.parse(deeplyNested(MAX_JSON_DEPTH)) as unknown })).ok).toBe(true);
  });

  it('copies no polluting key onto a prototype', () => {
    const input = JSON.parse(withPollutingKeys(JSON.stringify(aMention()))) as unknown;
    const result = validateMention(input);
    expect(result.ok).toBe(true);
    expect(prototypeIsPolluted()).toBe(false);
  });
});

describe('nestsDeeperThan', () => {
  it('measures nesting exactly, at any depth, without recursion', () => {
    expect(nestsDeeperThan(JSON.parse(deeplyNested(3)), 3)).toBe(false);
    expect(nestsDeeperThan(JSON.parse(deeplyNested(4)), 3)).toBe(true);
    expect(nestsDeeperThan(JSON.parse(deeplyNested(100_000, 'object')), 128)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('ends on a reference cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(nestsDeeperThan(cycle, 10)).toBe(true);
  });
});
