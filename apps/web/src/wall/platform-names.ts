import type { Platform } from '@watchfloor/domain';

export const PLATFORM_NAMES: Record<Platform, string> = {
  twitter: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  rss: 'News',
};
