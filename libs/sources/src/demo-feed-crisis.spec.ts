import { mentionKey, validateMention } from '@watchfloor/domain';
import type { SimulatedDayOptions, SimulatedMention } from './demo-feed-crisis';
import {
  SK417_EMERGENCY_LANDING,
  crisisMultiple,
  dataBreach,
  emergencyLanding,
  simulateDay,
  simulatedMentions,
} from './demo-feed-crisis';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const MONDAY = Date.UTC(2031, 0, 6);

function simulate(options: Partial<SimulatedDayOptions> = {}): SimulatedMention[] {
  return [...simulateDay({ seed: 7, startAt: MONDAY, meanPerSecond: 0.5, ...options })];
}

function countBetween(mentions: readonly SimulatedMention[], from: number, to: number): number {
  return mentions.filter(({ at }) => at >= from && at < to).length;
}

describe('simulateDay', () => {
  const day = simulate();

  it('replays a whole day in simulated time, quiet at night and busy by day', () => {
    // 0.5 a second for 86,400 seconds.
    expect(day.length).toBeGreaterThan(43_200 * 0.97);
    expect(day.length).toBeLessThan(43_200 * 1.03);
    expect(day.every((mention, index) => index === 0 || mention.at >= day[index - 1]!.at)).toBe(true);
    expect(day[0]!.at).toBeGreaterThanOrEqual(MONDAY);
    expect(day[day.length - 1]!.at).toBeLessThan(MONDAY + 24 * HOUR);
    const night = countBetween(day, MONDAY + 3 * HOUR, MONDAY + 4 * HOUR);
    const afternoon = countBetween(day, MONDAY + 13 * HOUR, MONDAY + 14 * HOUR);
    expect(night / afternoon).toBeLessThan(0.2);
    // Posted in simulated time: at most the demo feed's 5 s before arrival.
    const lags = day.map(({ at, mention }) => at - Date.parse(mention.createdAt));
    expect(Math.min(...lags)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lags)).toBeLessThanOrEqual(5_000);
  });

  it('draws Poisson arrivals: per-minute counts in a steady hour vary about as much as their mean', () => {
    const counts = Array.from({ length: 60 }, (_, minute) => {
      const from = MONDAY + 12 * HOUR + minute * MINUTE;
      return countBetween(day, from, from + MINUTE);
    });
    const mean = counts.reduce((sum, count) => sum + count, 0) / counts.length;
    const variance = counts.reduce((sum, count) => sum + (count - mean) ** 2, 0) / (counts.length - 1);
    expect(variance / mean).toBeGreaterThan(0.6);
    expect(variance / mean).toBeLessThan(1.5);
  });

  it('reposts some posts, pointing at a recent original', () => {
    const keys = new Set(day.map(({ mention }) => mention.externalId));
    const reposts = day.filter(({ mention }) => mention.repostOfId !== undefined);
    expect(reposts.length / day.length).toBeCloseTo(0.12, 1);
    expect(reposts.every(({ mention }) => keys.has(mention.repostOfId!))).toBe(true);
  });

  const onset = MONDAY + 13 * HOUR;
  const crisis = simulate({
    startAt: MONDAY + 12 * HOUR,
    durationMs: 2 * HOUR,
    crises: [{ script: SK417_EMERGENCY_LANDING, onsetAt: onset }],
  });
  const crisisOnly = crisis.filter((mention) => mention.crisis !== undefined);

  it('injects a crisis at the given moment: several times the normal volume within minutes', () => {
    expect(crisisOnly[0]!.at).toBeGreaterThanOrEqual(onset);
    const normalPerMinute = countBetween(crisis, onset - 30 * MINUTE, onset) / 30;
    const firstMinute = countBetween(crisis, onset, onset + MINUTE);
    const peak = countBetween(crisis, onset + 3 * MINUTE, onset + 13 * MINUTE) / 10;
    expect(firstMinute / normalPerMinute).toBeGreaterThan(1.5);
    expect(peak / normalPerMinute).toBeGreaterThan(3);
    expect(countBetween(crisisOnly, onset + 60 * MINUTE, onset + 2 * HOUR)).toBe(0);
  });

  it('makes the crisis mostly negative, with many reposts and near-copies and a shared hashtag', () => {
    const negative = crisisOnly.filter(({ tone }) => tone === 'negative').length;
    expect(negative / crisisOnly.length).toBeGreaterThan(0.6);
    const crisisIds = new Set(crisisOnly.map(({ mention }) => mention.externalId));
    const reposts = crisisOnly.filter(({ mention }) => mention.repostOfId !== undefined);
    expect(reposts.length / crisisOnly.length).toBeGreaterThan(0.3);
    expect(reposts.every(({ mention }) => crisisIds.has(mention.repostOfId!))).toBe(true);
    const texts = new Set(crisisOnly.map(({ mention }) => mention.text.replace(/^RT @\S+ /, '')));
    expect(texts.size).toBeLessThan(crisisOnly.length / 2);
    const tagged = crisisOnly.filter(({ mention }) => mention.text.includes('#SK417')).length;
    expect(tagged / crisisOnly.length).toBeGreaterThan(0.5);
  });

  it('offers only mentions the pipeline accepts, never repeating an id', () => {
    const rejected = crisis.map(({ mention }) => validateMention(mention)).filter((result) => !result.ok);
    expect(rejected).toEqual([]);
    expect(new Set(crisis.map(({ mention }) => mentionKey(mention))).size).toBe(crisis.length);
  });

  it('leaves the normal traffic unchanged when a crisis is injected, and is reproducible from its seed', () => {
    const fingerprint = ({ at, mention }: SimulatedMention) => `${at} ${mentionKey(mention)} ${mention.text}`;
    const quiet = simulate({ startAt: MONDAY + 12 * HOUR, durationMs: 2 * HOUR });
    expect(crisis.filter((mention) => mention.crisis === undefined).map(fingerprint)).toEqual(quiet.map(fingerprint));
    const replayed = [
      ...simulatedMentions({ seed: 7, startAt: MONDAY + 12 * HOUR, meanPerSecond: 0.5, durationMs: 2 * HOUR }),
    ];
    expect(replayed.map((mention) => mention.externalId)).toEqual(quiet.map(({ mention }) => mention.externalId));
    expect(replayed[100]).toEqual(quiet[100]!.mention);
  });
});

describe('crisis scripts', () => {
  it('are data: the same story for another flight, city or hashtag', () => {
    const landing = emergencyLanding('SK208', 'Lisbon');
    expect(landing.name).toBe('sk208-emergency-landing');
    expect(landing.posts.every(([text]) => text.includes('SK208') && !text.includes('SK417'))).toBe(true);
    expect(landing.posts.some(([text]) => text.includes('Lisbon') && text.includes('#SK208'))).toBe(true);
    expect(dataBreach('#SkylarkHacked').posts.filter(([text]) => text.includes('#SkylarkHacked'))).toHaveLength(4);
  });
});

describe('crisisMultiple', () => {
  it('follows the script between keyframes and is zero before onset and after the end', () => {
    expect(crisisMultiple(SK417_EMERGENCY_LANDING, -1)).toBe(0);
    expect(crisisMultiple(SK417_EMERGENCY_LANDING, 0)).toBe(1);
    expect(crisisMultiple(SK417_EMERGENCY_LANDING, 2)).toBeCloseTo(4.5, 10);
    expect(crisisMultiple(SK417_EMERGENCY_LANDING, 61)).toBe(0);
  });
});
