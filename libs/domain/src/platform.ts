/** The social networks Watchfloor listens to. Stored as text: never rename a value. */
export const PLATFORMS = ['twitter', 'mastodon', 'bluesky', 'reddit', 'rss'] as const;

export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
