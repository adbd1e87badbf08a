import type { TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { PLATFORM_NAMES, consoleStyles, safeHttpUrl } from './console-styles';
import { echoLabel } from './InboxRow';

/** The flagged post: who wrote it, where, what it says (as text), and what analysis made of it. */
export function PostView({ item }: { item: TriageItemView }) {
  const { mention, correction } = item;
  const { author, sentiment } = mention;
  const href = safeHttpUrl(mention.url);
  const platform = PLATFORM_NAMES[mention.platform];
  return (
    <article data-testid="post" style={{ background: theme.background, borderRadius: 6, padding: '10px 12px' }}>
      <header style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline', fontSize: 13 }}>
        <strong data-testid="post-author">
          {author.name ?? author.handle}
          {author.verified === true ? ' ✓' : ''}
        </strong>
        <span style={consoleStyles.muted}>@{author.handle}</span>
        {author.followers !== undefined && (
          <span style={consoleStyles.muted}>{author.followers.toLocaleString()} followers</span>
        )}
        <span style={{ marginLeft: 'auto' }}>
          {href === null ? (
            <span style={consoleStyles.muted}>{platform}</span>
          ) : (
            <a
              data-testid="platform-link"
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              style={{ color: theme.accent }}
            >
              Open on {platform} ↗
            </a>
          )}
        </span>
      </header>
      <p
        data-testid="post-text"
        style={{ margin: '8px 0', fontSize: 15, lineHeight: 1.4, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {mention.text}
      </p>
      <footer style={{ display: 'flex', flexWrap: 'wrap', gap: 12, fontSize: 12, color: theme.mutedText }}>
        <span data-testid="sentiment" data-sentiment={sentiment.label}>
          <span style={{ color: theme.sentiment[sentiment.label], fontWeight: 700, textTransform: 'uppercase' }}>
            {sentiment.label}
          </span>{' '}
          {Math.round(sentiment.confidence * 100)}% confident · score {sentiment.score.toFixed(2)}
        </span>
        {correction !== null && (
          <span data-testid="corrected">
            {correction.notRelevant
              ? 'marked not relevant'
              : correction.sentiment !== null
                ? `corrected to ${correction.sentiment}`
                : ''}
          </span>
        )}
        <time dateTime={mention.createdAt}>posted {new Date(mention.createdAt).toLocaleString()}</time>
        {mention.lang !== null && <span>lang {mention.lang}</span>}
        {item.echoCount > 0 && <span>{echoLabel(item.echoCount)}</span>}
      </footer>
    </article>
  );
}
