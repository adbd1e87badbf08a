import type { IssueSampleView } from '@watchfloor/contracts';
import { consoleStyles } from '../console/console-styles';
import { theme } from '../theme';
import { compactNumber } from './issue-format';

/** The post that says what the issue is, as most of its posts do: the public's text, shown as text. */
export function RepresentativePost({ post }: { post: IssueSampleView | null }) {
  if (post === null) return null;
  return (
    <figure data-testid="issue-representative" data-sample-key={post.key} style={{ margin: '8px 0 0' }}>
      <figcaption style={consoleStyles.sectionTitle}>Most representative post</figcaption>
      <blockquote
        data-testid="issue-representative-text"
        style={{ margin: '4px 0 0', padding: '6px 10px', borderLeft: `3px solid ${theme.accent}`, fontSize: 14 }}
      >
        {post.text}
      </blockquote>
      <p style={{ ...consoleStyles.muted, margin: '2px 0 0' }}>
        reach {compactNumber(post.reach)} · {new Date(post.at).toLocaleString()}
      </p>
    </figure>
  );
}
