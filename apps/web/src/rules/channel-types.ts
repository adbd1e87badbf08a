/** Where alerts go. Stored on the server: never rename a kind. */
export const CHANNEL_KINDS = ['slack', 'teams', 'webhook', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** GET /api/notification-channels. `target` is a URL (slack, teams, webhook) or recipients (email). */
export interface NotificationChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  target: string;
}
