import type { LiveMention } from '@watchfloor/contracts';
import { theme } from '../theme';
import { MentionCard } from './MentionCard';

/** The live stream, newest first. The wall never scrolls: what does not fit is clipped. */
export function MentionStream({ mentions }: { mentions: LiveMention[] }) {
  return (
    <section data-testid="panel-stream" style={{ overflow: 'hidden', minHeight: 0 }}>
      <h2 style={{ fontSize: theme.type.title, margin: '0 0 1vh', color: theme.text }}>Live mentions</h2>
      {mentions.length === 0 ? (
        <p style={{ color: theme.mutedText, fontSize: theme.type.body }}>Waiting for mentions…</p>
      ) : (
        mentions.map((mention) => <MentionCard key={mention.id} mention={mention} />)
      )}
    </section>
  );
}
