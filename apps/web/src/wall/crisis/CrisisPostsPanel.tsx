import type { WallCrisis } from '@watchfloor/contracts';
import { MentionCard } from '../MentionCard';
import { STALE_AFTER_MS } from '../panel-freshness';
import { Panel } from '../panels/Panel';
import { useWallPalette } from '../wall-palette';

/** The crisis issue's posts with the widest reach. */
export function CrisisPostsPanel({ crisis, asOf, live }: { crisis: WallCrisis; asOf: number; live: boolean }) {
  const palette = useWallPalette();
  return (
    <Panel testId="panel-crisis-posts" title="Top posts" dataAt={asOf} staleAfterMs={STALE_AFTER_MS.crises} live={live}>
      {crisis.topPosts.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>No posts found yet.</p>
      )}
      {crisis.topPosts.map((post) => (
        <MentionCard key={post.id} mention={post} testId="crisis-post" />
      ))}
    </Panel>
  );
}
