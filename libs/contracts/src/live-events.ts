import type { Platform, SentimentLabel } from '@watchfloor/domain';

/** Socket.io rooms. The API gateway decides who joins which. */
export enum LiveRoom {
  Wall = 'wall',
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
  sentiment: { label: SentimentLabel; score: number };
  /** Epoch ms when Watchfloor received it; clients measure ingestion-to-screen latency from it. */
  ingestedAt: number;
}

export interface MentionsBatchEvent {
  mentions: LiveMention[];
}

export enum LiveEvent {
  Mentions = 'mentions',
}

/** Every server-to-client event, typed once; the web app imports this file too. */
export interface ServerToClientEvents {
  [LiveEvent.Mentions]: (event: MentionsBatchEvent) => void;
}

/** Clients only listen for now. */
export type ClientToServerEvents = Record<string, never>;
