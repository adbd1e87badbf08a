import type { TriageEventView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';
import { describeEvent } from './timeline-text';

/** What happened to the item, oldest first. Notes and replies are people's words: rendered as text. */
export function Timeline({
  events,
  nameOf,
}: {
  events: readonly TriageEventView[];
  nameOf: (userId: string) => string | undefined;
}) {
  return (
    <section style={consoleStyles.section}>
      <h3 style={consoleStyles.sectionTitle}>Activity</h3>
      <ol data-testid="timeline" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
        {events.map((event) => {
          const { summary, text } = describeEvent(event, nameOf);
          return (
            <li
              key={event.id}
              data-testid="timeline-event"
              data-kind={event.kind}
              style={{ fontSize: 12, borderLeft: `2px solid ${theme.panelBorder}`, paddingLeft: 8 }}
            >
              <time dateTime={event.at} style={{ ...consoleStyles.muted, marginRight: 6 }}>
                {new Date(event.at).toLocaleString()}
              </time>
              <span>{summary}</span>
              {text !== null && <p style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap', color: theme.text }}>{text}</p>}
            </li>
          );
        })}
        {events.length === 0 && <li style={consoleStyles.muted}>Nothing yet.</li>}
      </ol>
    </section>
  );
}
