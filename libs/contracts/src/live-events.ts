import type { AnalysisEvent } from './analysis-events';
import type { Platform, SentimentLabel } from '@watchfloor/domain';

/** Socket.io rooms. The API gateway decides who joins which. */
export enum LiveRoom {
  Wall = 'wall',
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
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  /** The saved queries it matches (brand and competitor). */
  queryIds: string[];
  /** Epoch ms when Watchfloor received it; clients measure ingestion-to-screen latency from it. */
  ingestedAt: number;
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
}

export interface AccessRevokedEvent {
  reason: string;
}

/** Every server-to-client event, typed once; the web app imports this file too. */
export interface ServerToClientEvents {
  [LiveEvent.Mentions]: (event: MentionsBatchEvent) => void;
  [LiveEvent.Analysis]: (event: AnalysisEvent) => void;
  [LiveEvent.AccessRevoked]: (event: AccessRevokedEvent) => void;
}

/** Why the server refused a socket.io connection (the `connect_error` message). */
export const UNAUTHORIZED = 'unauthorized';

/** Clients only listen for now. */
export type ClientToServerEvents = Record<string, never>;
