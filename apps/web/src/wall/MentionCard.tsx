import type { LiveMention } from '@watchfloor/contracts';
import { PLATFORM_NAMES } from './platform-names';
import { useWallPalette } from './wall-palette';

export function formatReach(followers: number | undefined): string {
  if (followers === undefined) return '–';
  if (followers >= 1_000_000) return `${(followers / 1_000_000).toFixed(1)}M`;
  if (followers >= 1_000) return `${(followers / 1_000).toFixed(followers >= 10_000 ? 0 : 1)}k`;
  return String(followers);
}

/** One post on the wall. Author text is attacker-controlled: it is only ever rendered as text. */
export function MentionCard({ mention, testId = 'mention' }: { mention: LiveMention; testId?: string }) {
  const palette = useWallPalette();
  const colour = palette.sentiment[mention.sentiment.label];
  return (
    <article
      data-testid={testId}
      data-mention-id={mention.id}
      data-sentiment={mention.sentiment.label}
      data-platform={mention.platform}
      style={{
        borderLeft: `0.5vw solid ${colour}`,
        background: palette.panel,
        outline: palette.panel === palette.background ? `1px solid ${palette.mutedText}` : 'none',
        padding: '0.8vh 1vw',
        marginBottom: '0.8vh',
        borderRadius: 6,
        overflow: 'hidden',
      }}
    >
      <header
        style={{
          display: 'flex',
          gap: '1vw',
          alignItems: 'baseline',
          fontSize: palette.type.small,
          color: palette.mutedText,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        <span style={{ color: colour, fontWeight: 700, textTransform: 'uppercase' }}>{mention.sentiment.label}</span>
        <span>{PLATFORM_NAMES[mention.platform]}</span>
        <span style={{ color: palette.text, fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {mention.author.name ?? mention.author.handle}
          {mention.author.verified ? ' ✓' : ''}
        </span>
        <span>@{mention.author.handle}</span>
        <span style={{ marginLeft: 'auto' }} title="followers">
          reach {formatReach(mention.author.followers)}
        </span>
      </header>
      <p
        style={{
          margin: '0.4vh 0 0',
          fontSize: palette.type.body,
          color: palette.text,
          lineHeight: 1.3,
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
        }}
      >
        {mention.text}
      </p>
    </article>
  );
}
