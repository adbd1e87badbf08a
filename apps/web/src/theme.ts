import type { TriagePriority, WallTheme } from '@watchfloor/contracts';
import type { SentimentLabel } from '@watchfloor/domain';

/** The colours and type scale a screen is drawn with; the wall switches palettes, other pages use `theme`. */
export interface Palette {
  background: string;
  panel: string;
  panelBorder: string;
  /** Border width of a panel, in viewport units so it reads the same on a 4K panel. */
  panelBorderWidth: string;
  text: string;
  mutedText: string;
  accent: string;
  font: string;
  type: { title: string; figure: string; body: string; small: string };
  sentiment: Record<SentimentLabel, string>;
  /** Triage priorities, P1 the most urgent: hot to cool, distinct from the sentiment colours' meaning. */
  priority: Record<TriagePriority, string>;
  /** An SLA close to running out, a quiet source (an overdue SLA or failing source uses the negative colour). */
  warning: string;
  /** The crisis banner's ground. */
  crisis: string;
  /** Land on the map, and the empty part of a bar: present but quieter than the data on it. */
  quietFill: string;
}

/**
 * The wall's design tokens. Sizes are in viewport units so text stays readable from across a
 * room on any screen, from a laptop to a 4K panel. Colours are chosen for contrast on dark.
 */
export const theme: Palette = {
  background: '#0b0f17',
  panel: '#131a26',
  panelBorder: '#223048',
  panelBorderWidth: '0.08vw',
  text: '#f2f5fa',
  mutedText: '#9aa8bd',
  accent: '#4cc2ff',
  font: "'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif",
  type: {
    title: 'clamp(20px, 2.2vw, 64px)',
    figure: 'clamp(28px, 3.6vw, 110px)',
    body: 'clamp(14px, 1.25vw, 40px)',
    small: 'clamp(11px, 0.9vw, 28px)',
  },
  sentiment: {
    positive: '#35d07f',
    neutral: '#8f9bb3',
    negative: '#ff5c5c',
    unsupported: '#5d6b80',
  },
  priority: {
    P1: '#ff3b5c',
    P2: '#ff9f43',
    P3: '#f7d046',
    P4: '#7f8ca3',
  },
  warning: '#ffb020',
  crisis: '#b3001b',
  quietFill: '#223048',
};

/**
 * For rooms with glare or viewers with low vision: pure black, white text, heavier borders, and
 * sentiment in the Okabe–Ito colours (blue against orange), which read apart under every common
 * colour-vision deficiency, unlike green against red.
 */
export const highContrastTheme: Palette = {
  ...theme,
  background: '#000000',
  panel: '#000000',
  panelBorder: '#ffffff',
  panelBorderWidth: '0.2vw',
  text: '#ffffff',
  mutedText: '#d9d9d9',
  accent: '#56b4e9',
  sentiment: {
    positive: '#56b4e9',
    neutral: '#bfbfbf',
    negative: '#e69f00',
    unsupported: '#8c8c8c',
  },
  priority: {
    P1: '#ff4f4f',
    P2: '#e69f00',
    P3: '#f0e442',
    P4: '#bfbfbf',
  },
  warning: '#f0e442',
  crisis: '#c00000',
  quietFill: '#3a3a3a',
};

export const WALL_PALETTES: Record<WallTheme, Palette> = {
  dark: theme,
  'high-contrast': highContrastTheme,
};
