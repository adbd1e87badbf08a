import type { WallPanel, WallTheme } from '@watchfloor/contracts';

/** How the editor names each panel a scene can show. */
export const PANEL_LABELS: Record<WallPanel, string> = {
  stream: 'Live mention stream',
  flagged: 'Flagged items',
  volume: 'Volume and sentiment',
  platforms: 'Platforms',
  'share-of-voice': 'Share of voice',
  trending: 'Trending terms',
  issues: 'Emerging issues',
  influential: 'Most influential posts',
  sla: 'Team SLAs',
  map: 'Map',
  sources: 'Source health',
};

export const THEME_LABELS: Record<WallTheme, string> = {
  dark: 'Dark',
  'high-contrast': 'High contrast',
};
