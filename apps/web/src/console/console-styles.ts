import type { CSSProperties } from 'react';
import type { Platform } from '@watchfloor/domain';
import { theme } from '../theme';

/** The console's controls, in the wall's tokens: a desk screen, so fixed pixel sizes rather than the wall's viewport units. */
export const consoleStyles = {
  button: {
    background: theme.panelBorder,
    color: theme.text,
    border: `1px solid ${theme.panelBorder}`,
    borderRadius: 4,
    padding: '4px 10px',
    fontSize: 13,
    cursor: 'pointer',
  },
  primaryButton: {
    background: theme.accent,
    color: theme.background,
    border: `1px solid ${theme.accent}`,
    borderRadius: 4,
    padding: '4px 10px',
    fontSize: 13,
    fontWeight: 600,
    cursor: 'pointer',
  },
  field: {
    background: theme.background,
    color: theme.text,
    border: `1px solid ${theme.panelBorder}`,
    borderRadius: 4,
    padding: '4px 6px',
    fontSize: 13,
    fontFamily: theme.font,
  },
  section: {
    borderTop: `1px solid ${theme.panelBorder}`,
    paddingTop: 10,
    marginTop: 10,
  },
  sectionTitle: {
    fontSize: 12,
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    color: theme.mutedText,
    margin: '0 0 6px',
  },
  muted: { color: theme.mutedText, fontSize: 12 },
} satisfies Record<string, CSSProperties>;

export const PLATFORM_NAMES: Record<Platform, string> = {
  twitter: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  rss: 'News',
};

/** A post's link, only if it is a web address: author-supplied URLs never become `javascript:` links. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
