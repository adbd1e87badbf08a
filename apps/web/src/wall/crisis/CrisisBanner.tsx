import type { WallCrisis } from '@watchfloor/contracts';
import { ageText } from '../panel-freshness';
import { clockTime } from '../chart-style';
import { useNow } from '../../use-now';
import { useWallPalette } from '../wall-palette';

/** The whole room must see it: what the issue is about, who raised it, and when. */
export function CrisisBanner({ crisis, others }: { crisis: WallCrisis; others: number }) {
  const palette = useWallPalette();
  const now = useNow();
  const raisedAt = Date.parse(crisis.raisedAt);
  return (
    <div
      data-testid="crisis-banner"
      data-issue-id={crisis.issue.id}
      role="alert"
      style={{
        background: palette.crisis,
        color: '#ffffff',
        border: `0.3vw solid ${palette.priority.P1}`,
        borderRadius: '0.5vw',
        padding: '1.2vh 1.5vw',
        display: 'flex',
        alignItems: 'baseline',
        gap: '2vw',
        flexWrap: 'wrap',
      }}
    >
      <strong style={{ fontSize: palette.type.figure, letterSpacing: '0.1em' }}>CRISIS · P1</strong>
      <span data-testid="crisis-title" style={{ fontSize: palette.type.title, fontWeight: 800 }}>
        {crisis.issue.title.join(' · ')}
      </span>
      <span style={{ fontSize: palette.type.body, marginLeft: 'auto' }}>
        raised by <strong data-testid="crisis-raised-by">{crisis.raisedBy}</strong> at {clockTime(raisedAt)} (
        {ageText(now - raisedAt)}) · {crisis.issue.volume.toLocaleString()} mentions ·{' '}
        {Math.round(crisis.issue.negativeShare * 100)}% negative
        {others > 0 && ` · ${others} more P1 waiting`}
      </span>
    </div>
  );
}
