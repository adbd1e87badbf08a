import type { TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`;
}

/** Why this post is in the inbox: the rule (and its version) that flagged it, and what moved its sentiment. */
export function WhyFlagged({
  rule,
  explanation,
}: {
  rule: TriageItemView['rule'];
  explanation: TriageItemView['mention']['explanation'];
}) {
  const terms = [...explanation].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return (
    <section data-testid="why-flagged" style={consoleStyles.section}>
      <h3 style={consoleStyles.sectionTitle}>Why flagged</h3>
      <p style={{ margin: '0 0 4px', fontSize: 13 }}>
        Rule <strong data-testid="rule-name">{rule.name}</strong>{' '}
        <span data-testid="rule-version" style={consoleStyles.muted}>
          v{rule.version}
        </span>
      </p>
      {rule.reasons.length > 0 && (
        <ul style={{ margin: '0 0 6px', paddingLeft: 18, fontSize: 13 }}>
          {rule.reasons.map((reason, index) => (
            <li key={`${reason.condition}-${index}`} data-testid="flag-reason">
              <span style={{ color: theme.mutedText }}>{reason.condition}:</span> {reason.detail}
            </li>
          ))}
        </ul>
      )}
      {terms.length > 0 && (
        <table style={{ borderCollapse: 'collapse', fontSize: 12 }} aria-label="What moved the sentiment score">
          <thead>
            <tr>
              <th colSpan={2} style={{ ...consoleStyles.muted, textAlign: 'left', fontWeight: 400, paddingBottom: 2 }}>
                What moved the sentiment score
              </th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term, index) => (
              <tr key={`${term.text}-${index}`} data-testid="explanation-term">
                <td style={{ padding: '1px 16px 1px 0', fontWeight: 600 }}>{term.text}</td>
                <td
                  style={{
                    padding: '1px 0',
                    textAlign: 'right',
                    fontVariantNumeric: 'tabular-nums',
                    color:
                      term.weight < 0
                        ? theme.sentiment.negative
                        : term.weight > 0
                          ? theme.sentiment.positive
                          : theme.mutedText,
                  }}
                >
                  {signed(term.weight)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
