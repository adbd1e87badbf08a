import { useSyncExternalStore } from 'react';
import type { MentionStreamStore } from './mention-stream-store';
import { MentionStream } from '../wall/MentionStream';
import { consoleStyles } from './console-styles';

/** With no item open, the right side follows everything coming in, flagged or not, from the console's socket. */
export function LiveStreamPanel({ stream }: { stream: MentionStreamStore }) {
  const { wall } = useSyncExternalStore(stream.subscribe, stream.getSnapshot);
  return (
    <section
      style={{ padding: '12px 16px', overflow: 'hidden', minHeight: 0, display: 'grid', gridTemplateRows: 'auto 1fr' }}
    >
      <p style={{ ...consoleStyles.muted, margin: '0 0 8px' }}>
        No item open: pick one from the inbox, or press j. Press ? for the keyboard shortcuts.
      </p>
      <MentionStream mentions={wall.mentions} />
    </section>
  );
}
