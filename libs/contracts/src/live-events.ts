import type { AnalysisEvent } from './analysis-events';
import type { PresenceEvent, TriageItemsEvent } from './triage';
import type { WallFrame } from './wall';
import type { Platform, SentimentLabel, StoredMention } from '@watchfloor/domain';

/** Socket.io rooms. The API gateway decides who joins which. */
export enum LiveRoom {
  /** Every mention as it is stored (the console, load tests): grows with the mention rate. */
  Wall = 'wall',
  /** Wall frames: a bounded number a second whatever the rate. Screens join it instead of `wall`. */
  WallFrames = 'wall:frames',
  /** Every team's triage items: admins. Others get their own teams' items in `team:<id>` rooms. */
  TriageAll = 'triage:all',
}

/** The room of one team's console users. */
export function teamRoom(teamId: string): string {
  return `team:${teamId}`;
}

/** The room of one user's sockets, whichever session opened them: to re-check them when the user changes. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The room of one credential's sockets, so revoking it can reach them on every API instance. */
export function credentialRoom(credential: { kind: 'session' | 'kiosk'; id: string }): string {
  return `${credential.kind}:${credential.id}`;
}

/** What the wall needs of a mention: no raw payload, nothing a screen should not show. */
export interface LiveMention {
  id: string;
  platform: Platform;
  externalId: string;
  url: string;
  text: string;
  createdAt: string;
  author: { handle: string; name?: string; followers?: number; verified?: boolean };
  /** Where it was posted from, when the platform says. */
  place?: { lat: number; lon: number; name?: string };
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  /** The saved queries it matches (brand and competitor). */
  queryIds: string[];
  /** Epoch ms when Watchfloor received it; clients measure ingestion-to-screen latency from it. */
  ingestedAt: number;
}

/** What a screen may show of a stored mention: no raw payload, no metrics it does not use. */
export function toLiveMention(mention: Omit<StoredMention, 'raw'>): LiveMention {
  return {
    id: mention.id,
    platform: mention.platform,
    externalId: mention.externalId,
    url: mention.url,
    text: mention.text,
    createdAt: mention.createdAt,
    author: mention.author,
    ...(mention.place !== undefined && { place: mention.place }),
    sentiment: mention.sentiment,
    queryIds: mention.queryIds,
    ingestedAt: mention.ingestedAt,
  };
}

export interface MentionsBatchEvent {
  mentions: LiveMention[];
}

export enum LiveEvent {
  Mentions = 'mentions',
  /** Echoes found, issues emerging or changing, incidents opening and moving. */
  Analysis = 'analysis',
  /** The client's credential was revoked or expired: it must stop showing anything. */
  AccessRevoked = 'access.revoked',
  /** Triage items created or changed (claimed, escalated, resolved...), to their team's room. */
  TriageItems = 'triage.items',
  /** Who is at an item now (viewing, replying), to the item's team room. */
  TriagePresence = 'triage.presence',
  /** What changed on the wall since the previous frame, to screens that asked for the frame feed. */
  WallFrame = 'wall.frame',
}

/** Which feed a socket asks for in its handshake (`auth.feed`); `mentions` when it says nothing. */
export type LiveFeed = 'mentions' | 'frames';

export interface AccessRevokedEvent {
  reason: string;
}

/** Every server-to-client event, typed once; the web app imports this file too. */
export interface ServerToClientEvents {
  [LiveEvent.Mentions]: (event: MentionsBatchEvent) => void;
  [LiveEvent.Analysis]: (event: AnalysisEvent) => void;
  [LiveEvent.AccessRevoked]: (event: AccessRevokedEvent) => void;
  [LiveEvent.TriageItems]: (event: TriageItemsEvent) => void;
  [LiveEvent.TriagePresence]: (event: PresenceEvent) => void;
  [LiveEvent.WallFrame]: (frame: WallFrame) => void;
}

/** Why the server refused a socket.io connection (the `connect_error` message). */
export const UNAUTHORIZED = 'unauthorized';

/** A console user is at an item (or, with `itemId: null`, at none). */
export interface PresenceUpdate {
  itemId: string | null;
  activity: 'viewing' | 'replying';
}

export enum ClientEvent {
  Presence = 'presence',
}

export interface ClientToServerEvents {
  [ClientEvent.Presence]: (update: PresenceUpdate) => void;
}
