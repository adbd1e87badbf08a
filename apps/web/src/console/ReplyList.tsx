import type { ReplyView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';

const STATUS_COLOUR: Record<ReplyView['status'], string> = {
  queued: theme.mutedText,
  sending: theme.warning,
  sent: theme.sentiment.positive,
  failed: theme.sentiment.negative,
  unsupported: theme.sentiment.unsupported,
};

const STATUS_TEXT: Record<ReplyView['status'], string> = {
  queued: 'queued',
  sending: 'sending…',
  sent: 'sent',
  failed: 'failed',
  unsupported: 'not sent: this platform takes no replies from here',
};

/** The replies sent (or on their way) to the author, with where each stands. */
export function ReplyList({ replies }: { replies: readonly ReplyView[] }) {
  if (replies.length === 0) return null;
  return (
    <ul data-testid="replies" style={{ listStyle: 'none', margin: '8px 0 0', padding: 0, display: 'grid', gap: 6 }}>
      {replies.map((reply) => (
        <li
          key={reply.id}
          data-testid="reply"
          data-status={reply.status}
          style={{ fontSize: 13, background: theme.background, borderRadius: 4, padding: '6px 8px' }}
        >
          <div style={{ display: 'flex', gap: 8, ...consoleStyles.muted }}>
            <span>{reply.author}</span>
            <time dateTime={reply.createdAt}>{new Date(reply.createdAt).toLocaleString()}</time>
            <span data-testid="reply-status" style={{ marginLeft: 'auto', color: STATUS_COLOUR[reply.status] }}>
              {STATUS_TEXT[reply.status]}
            </span>
          </div>
          <p style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>{reply.text}</p>
          {reply.error !== null && (
            <p style={{ margin: '2px 0 0', color: theme.sentiment.negative, fontSize: 12 }}>{reply.error}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
