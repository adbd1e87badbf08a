import type { ReactNode } from 'react';
import { Freshness } from '../Freshness';
import type { FreshnessProps } from '../Freshness';
import { useWallPalette } from '../wall-palette';

interface PanelProps extends FreshnessProps {
  testId: string;
  title: string;
  children: ReactNode;
}

/**
 * The frame every wall panel shares: a title, how fresh its data is, and its body clipped to the
 * cell (the wall never scrolls). Before any data it says so, rather than showing zeros.
 */
export function Panel({ testId, title, children, ...freshness }: PanelProps) {
  const palette = useWallPalette();
  return (
    <section
      data-testid={testId}
      style={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        minWidth: 0,
        overflow: 'hidden',
        background: palette.panel,
        border: `${palette.panelBorderWidth} solid ${palette.panelBorder}`,
        borderRadius: '0.5vw',
        padding: '1.2vh 1vw',
      }}
    >
      <header style={{ display: 'flex', alignItems: 'baseline', gap: '1vw', marginBottom: '1vh' }}>
        <h2 style={{ fontSize: palette.type.body, fontWeight: 700, margin: 0, color: palette.text, flex: 1 }}>
          {title}
        </h2>
        <Freshness {...freshness} />
      </header>
      <div style={{ flex: 1, minHeight: 0, position: 'relative', overflow: 'hidden' }}>
        {freshness.dataAt === null ? (
          <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>Waiting for data…</p>
        ) : (
          children
        )}
      </div>
    </section>
  );
}
