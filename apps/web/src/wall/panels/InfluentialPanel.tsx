import { formatReach } from '../MentionCard';
import { STALE_AFTER_MS } from '../panel-freshness';
import { PLATFORM_NAMES } from '../platform-names';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';

/** The hour's posts with the widest reach, widest first. */
export function InfluentialPanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const posts = inputs.wall.influential;
  return (
    <Panel
      testId="panel-influential"
      title="Most influential, last hour"
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      {posts.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>No posts this hour.</p>
      )}
      {posts.map((post) => (
        <article
          key={post.id}
          data-testid="influential-post"
          data-reach={post.reach}
          style={{
            display: 'grid',
            gridTemplateColumns: 'auto 1fr',
            gap: '1vw',
            alignItems: 'center',
            padding: '0.6vh 0',
            borderBottom: `1px solid ${palette.panelBorder}`,
          }}
        >
          <strong
            title="reach"
            style={{ fontSize: palette.type.title, color: palette.sentiment[post.sentiment.label], minWidth: '4vw' }}
          >
            {Math.round(post.reach)}
          </strong>
          <div style={{ minWidth: 0 }}>
            <div
              style={{
                fontSize: palette.type.small,
                color: palette.mutedText,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              <span style={{ color: palette.text, fontWeight: 700 }}>
                {post.author.name ?? post.author.handle}
                {post.author.verified ? ' ✓' : ''}
              </span>{' '}
              @{post.author.handle} · {PLATFORM_NAMES[post.platform]} · {formatReach(post.author.followers)} followers
            </div>
            <p
              style={{
                margin: 0,
                fontSize: palette.type.body,
                display: '-webkit-box',
                WebkitLineClamp: 2,
                WebkitBoxOrient: 'vertical',
                overflow: 'hidden',
              }}
            >
              {post.text}
            </p>
          </div>
        </article>
      ))}
    </Panel>
  );
}
