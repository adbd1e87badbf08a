import type { TriageItemView } from '@watchfloor/contracts';
import { consoleStyles } from '../console/console-styles';
import { PriorityBadge } from '../console/PriorityBadge';

/** The issue's posts that rules flagged into team inboxes, and who is on them. */
export function LinkedItems({ items }: { items: TriageItemView[] }) {
  return (
    <section style={consoleStyles.section}>
      <h3 style={consoleStyles.sectionTitle}>Linked triage items</h3>
      {items.length === 0 && <p style={consoleStyles.muted}>No post of this issue was flagged.</p>}
      <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', fontSize: 13 }}>
        {items.map((item) => (
          <li key={item.id} data-testid="issue-linked-item" style={{ marginBottom: 6 }}>
            <PriorityBadge priority={item.priority} />{' '}
            <a href={`/console?item=${item.id}`} style={{ color: 'inherit' }}>
              #{item.id}
            </a>{' '}
            {item.teamName} · {item.status} · {item.assignee?.name ?? 'unassigned'}
            <div style={consoleStyles.muted}>
              @{item.mention.author.handle}: {item.mention.text}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
