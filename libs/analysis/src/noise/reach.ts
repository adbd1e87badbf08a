import type { Mention } from '@watchfloor/domain';

/**
 * Reach: how far a post can travel, 0–100, for rules ("escalate a complaint with reach ≥ 50").
 *
 *   reach = 60 · audience + 30 · engagement + 10 · verified
 *   audience   = min(1, log10(1 + followers) / 8)                         8 = 100M followers
 *   engagement = min(1, log10(1 + likes + 2·replies + 3·(reposts + quotes)) / 6)   6 = 1M
 *   verified   = 1 when the platform verified the author, else 0
 *
 * Why this shape:
 * - Logarithms, because audiences are heavy-tailed: each tenfold of followers adds the same 7.5
 *   points, so 1M followers scores 45 and 1 follower 2.3, not a millionth of it.
 * - Followers weigh most: at ingest most posts are seconds old and their engagement is still ~0;
 *   engagement counts once the post has been refreshed or backfilled.
 * - Reposts and quotes weigh 3 likes: they put the post in front of another audience. A reply
 *   weighs 2: attention, and on a brand's post often a complaint in the making.
 * - Verification adds 10, not a multiplier: it marks a vetted (or paid-for) identity, a hint of
 *   press or public figures, and must not let a 50-follower verified account outrank a 100k one.
 * - Each term is capped, so the sum stays in 0–100; it never decreases when any input grows.
 * Unknown counts (Bluesky Jetstream, Reddit and RSS carry no followers) count as 0: rules see a
 * low figure rather than a guess.
 */
export interface ReachInputs {
  followers?: number;
  verified?: boolean;
  likes?: number;
  reposts?: number;
  replies?: number;
  quotes?: number;
}

const AUDIENCE_POINTS = 60;
const ENGAGEMENT_POINTS = 30;
const VERIFIED_POINTS = 10;
const AUDIENCE_DECADES = 8;
const ENGAGEMENT_DECADES = 6;

export function reachOf(inputs: ReachInputs): number {
  return score(inputs.followers, inputs.verified, inputs.likes, inputs.reposts, inputs.replies, inputs.quotes);
}

/** The reach of one mention, from its author and its metrics as received. */
export function mentionReach(mention: Pick<Mention, 'author' | 'metrics'>): number {
  const { author, metrics } = mention;
  // Fields passed one by one: this runs for every mention, and an inputs object would be garbage.
  return score(author.followers, author.verified, metrics?.likes, metrics?.reposts, metrics?.replies, metrics?.quotes);
}

function score(
  followers: number | undefined,
  verified: boolean | undefined,
  likes: number | undefined,
  reposts: number | undefined,
  replies: number | undefined,
  quotes: number | undefined,
): number {
  const audience = saturatingLog(count(followers), AUDIENCE_DECADES);
  const interactions = count(likes) + 2 * count(replies) + 3 * (count(reposts) + count(quotes));
  const engagement = saturatingLog(interactions, ENGAGEMENT_DECADES);
  return AUDIENCE_POINTS * audience + ENGAGEMENT_POINTS * engagement + (verified === true ? VERIFIED_POINTS : 0);
}

/**
 * The reach of a group (a duplicate group, a post and its reposts) on the same 0–100 scale: as if
 * one post had the members' followers and interactions added up, verified if any member is. An
 * upper bound (audiences overlap), and deliberately not a sum of scores: 1,000 bots with 10
 * followers each reach like one 10,000-follower account (30), not like 1,000 × 6 points.
 */
export function combinedReach(members: Iterable<Pick<Mention, 'author' | 'metrics'>>): number {
  const total: Required<ReachInputs> = { followers: 0, verified: false, likes: 0, reposts: 0, replies: 0, quotes: 0 };
  for (const { author, metrics } of members) {
    total.followers += count(author.followers);
    total.verified ||= author.verified === true;
    total.likes += count(metrics?.likes);
    total.reposts += count(metrics?.reposts);
    total.replies += count(metrics?.replies);
    total.quotes += count(metrics?.quotes);
  }
  return reachOf(total);
}

/** A usable count: missing, negative or non-finite values count as 0. */
function count(value: number | undefined): number {
  return value !== undefined && value > 0 && value < Infinity ? value : 0;
}

function saturatingLog(value: number, decades: number): number {
  const scaled = Math.log10(1 + value) / decades;
  return scaled < 1 ? scaled : 1;
}
