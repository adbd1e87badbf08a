import type { LiveMention } from './live-events';
import type { TriagePriority } from './triage';
import type { Platform } from '@watchfloor/domain';

/**
 * The wall's feed. The server folds the mention stream into frames, a bounded number a second
 * whatever the mention rate, and keeps the recent ones so a screen that was away resumes from the
 * last frame it applied: no gaps, no repeats.
 */

/** Every panel a layout can place. The root element of each carries `data-testid="panel-<name>"`. */
export const WALL_PANELS = [
  'stream',
  'flagged',
  'volume',
  'platforms',
  'share-of-voice',
  'trending',
  'issues',
  'influential',
  'sla',
  'map',
  'sources',
] as const;
export type WallPanel = (typeof WALL_PANELS)[number];

export const WALL_THEMES = ['dark', 'high-contrast'] as const;
export type WallTheme = (typeof WALL_THEMES)[number];

/** One screenful of panels, shown for `durationSeconds` before the next scene. */
export interface WallScene {
  name: string;
  /** In reading order; 1 to 6 panels. */
  panels: WallPanel[];
  durationSeconds: number;
}

export interface WallLayoutView {
  id: string;
  name: string;
  theme: WallTheme;
  scenes: WallScene[];
  /** The layout shown by screens that were given none. */
  isDefault: boolean;
  updatedAt: string;
}

/** What a screen shows when no layout has been stored at all. */
export const BUILT_IN_WALL_LAYOUT: Omit<WallLayoutView, 'updatedAt'> = {
  id: 'built-in',
  name: 'Built-in',
  theme: 'dark',
  isDefault: true,
  scenes: [
    { name: 'Live', panels: ['stream', 'volume', 'flagged', 'issues'], durationSeconds: 60 },
    { name: 'Audience', panels: ['platforms', 'share-of-voice', 'trending', 'influential'], durationSeconds: 30 },
    { name: 'Operations', panels: ['sla', 'map', 'sources', 'volume'], durationSeconds: 30 },
  ],
};

/** Mentions received in one minute (by when Watchfloor received them), as the wall counts them. */
export interface WallMinute {
  /** Start of the minute, epoch ms. */
  minute: number;
  positive: number;
  neutral: number;
  negative: number;
  unsupported: number;
  /** Sum of sentiment scores of the scored ones: the mean is scoreSum / (positive + neutral + negative). */
  scoreSum: number;
  platforms: Partial<Record<Platform, number>>;
  /** Mentions per saved query id (share of voice). */
  queries: Record<string, number>;
  /** The minute's most frequent terms (bounded), for trending. */
  terms: Record<string, number>;
  /** Mentions with a known place, per one-degree cell `"<lat>,<lon>"`: [count, negative]. */
  places: Record<string, [number, number]>;
}

/** A post with its reach, for the most influential panel and crisis top posts. */
export interface WallPost extends LiveMention {
  reach: number;
}

/** A post escalation rules flagged (a triage item), for the flagged stream. */
export interface WallFlaggedItem {
  itemId: string;
  priority: TriagePriority;
  teamName: string;
  flaggedAt: string;
  ruleName: string;
  mention: LiveMention;
}

export interface WallIssue {
  id: string;
  title: string[];
  firstSeen: string;
  lastSeen: string;
  volume: number;
  negativeShare: number;
  reach: number;
  velocity: number;
  /** The PR team's priority for it, if set; P1 puts the wall into crisis mode until acknowledged. */
  priority: TriagePriority | null;
  /** Mentions per minute over the last 30 minutes, oldest first. */
  sparkline: number[];
}

export interface TeamSlaStatus {
  teamId: string;
  teamName: string;
  /** Flagged items not resolved yet. */
  open: number;
  /** Open items whose first-response SLA has run out. */
  breached: number;
  /** When the oldest open item without a first response was flagged. */
  oldestWaitingSince: string | null;
}

/** `quiet`: healthy but nothing new for a while; `stale`: no successful read for a while; `failing`: its last read failed. */
export type SourceFreshnessState = 'fresh' | 'quiet' | 'stale' | 'failing' | 'disabled';

export interface SourceFreshness {
  sourceId: string;
  name: string;
  platform: Platform;
  state: SourceFreshnessState;
  lastMentionAt: string | null;
  lastSuccessAt: string | null;
}

/** A P1 issue not yet acknowledged: the wall turns to it. */
export interface WallCrisis {
  issue: WallIssue;
  /** Who or what raised it to P1, e.g. "spike incident" or a person's name. */
  raisedBy: string;
  raisedAt: string;
  /** Per minute over the last hour, oldest first. */
  timeline: { minute: number; volume: number; negative: number }[];
  topPosts: WallPost[];
}

/** A panel fed by a periodic read rather than the stream, and when that read was made (epoch ms). */
export interface Timed<T> {
  asOf: number;
  value: T;
}

/** What changed since the previous frame. Slow parts are present only in frames that refreshed them. */
export interface WallFrame {
  /** The frame's id in the server's frame log; ids sort in the order frames were made. */
  id: string;
  /** The frame before this one, null for the first ever: a screen that did not apply it has a gap. */
  previousId: string | null;
  /** When it was made, epoch ms. */
  at: number;
  /** Counts added since the previous frame, per minute touched. */
  minutes: WallMinute[];
  /** The newest mentions since the previous frame, newest first (at most a screenful). */
  newest: LiveMention[];
  /** Items flagged since the previous frame, newest first. */
  flagged: WallFlaggedItem[];
  /** The highest-reach posts since the previous frame. */
  influential: WallPost[];
  issues?: Timed<WallIssue[]>;
  sla?: Timed<TeamSlaStatus[]>;
  sources?: Timed<SourceFreshness[]>;
  crises?: Timed<WallCrisis[]>;
}

/** The wall as a screen holds it: every frame up to `frameId` applied, bounded in size. */
export interface WallState {
  frameId: string | null;
  /** When the last applied frame was made, epoch ms (0 before any). */
  at: number;
  /** Oldest first, the last WALL_MINUTES minutes. */
  minutes: WallMinute[];
  newest: LiveMention[];
  flagged: WallFlaggedItem[];
  /** The hour's highest-reach posts, highest first. */
  influential: WallPost[];
  issues: Timed<WallIssue[]> | null;
  sla: Timed<TeamSlaStatus[]> | null;
  sources: Timed<SourceFreshness[]> | null;
  crises: Timed<WallCrisis[]> | null;
}

/** `GET /api/wall/frames?after=<id>`: the frames after it, or `reset` when it is no longer kept. */
export type WallFramesResponse = { reset: false; frames: WallFrame[] } | { reset: true };

/** `GET /api/wall/snapshot`: the state at a frame, and the frames made since. */
export interface WallSnapshotResponse {
  state: WallState;
  frames: WallFrame[];
}

/** `GET /api/wall/queries`: what a screen needs to name the series of share of voice. */
export interface WallQueryView {
  id: string;
  name: string;
  kind: 'brand' | 'competitor';
  enabled: boolean;
}
