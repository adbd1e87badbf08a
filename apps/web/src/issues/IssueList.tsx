import type { IssueListEntry } from '@watchfloor/contracts';
import { consoleStyles } from '../console/console-styles';
import { PriorityBadge } from '../console/PriorityBadge';
import { theme } from '../theme';
import { STATUS_LABELS, compactNumber, issueTitle, percent } from './issue-format';

const cell = { padding: '6px 8px', borderBottom: `1px solid ${theme.panelBorder}`, fontSize: 13 } as const;

/** Emerging issues, the most recently active first, with where the team stands on each. */
export function IssueList({
  issues,
  selected,
  onSelect,
}: {
  issues: IssueListEntry[];
  selected: string | null;
  onSelect: (issueId: string) => void;
}) {
  if (issues.length === 0) return <p style={consoleStyles.muted}>No emerging issues right now.</p>;
  return (
    <table data-testid="issue-list" style={{ width: '100%', borderCollapse: 'collapse', background: theme.panel }}>
      <thead>
        <tr style={{ ...consoleStyles.sectionTitle, textAlign: 'left' }}>
          {['Issue', 'Volume', 'Negative', 'Reach', 'Status', 'Owner', 'Priority'].map((label) => (
            <th key={label} style={{ ...cell, fontWeight: 600, color: theme.mutedText }}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {issues.map((issue) => (
          <tr
            key={issue.id}
            data-testid="issue-row"
            data-issue-id={issue.id}
            aria-selected={issue.id === selected}
            onClick={() => onSelect(issue.id)}
            style={{
              cursor: 'pointer',
              background: issue.id === selected ? theme.panelBorder : undefined,
              outline: issue.case.awaitingAcknowledgement ? `2px solid ${theme.priority.P1}` : undefined,
            }}
          >
            <td style={{ ...cell, maxWidth: 480 }}>
              <div style={{ fontWeight: 600 }}>{issueTitle(issue.title)}</div>
              {issue.representative !== null && (
                <div
                  data-testid="issue-row-representative"
                  style={{ ...consoleStyles.muted, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                >
                  {issue.representative.text}
                </div>
              )}
            </td>
            <td style={cell}>{compactNumber(issue.volume)}</td>
            <td style={{ ...cell, color: issue.negativeShare >= 0.5 ? theme.sentiment.negative : theme.text }}>
              {percent(issue.negativeShare)}
            </td>
            <td style={cell}>{compactNumber(issue.reach)}</td>
            <td style={cell}>{STATUS_LABELS[issue.case.status]}</td>
            <td style={cell}>{issue.case.owner?.name ?? '—'}</td>
            <td style={cell}>
              {issue.case.priority === null ? '—' : <PriorityBadge priority={issue.case.priority} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
