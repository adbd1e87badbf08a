import type { IssueView } from '@watchfloor/contracts';
import { consoleStyles } from '../console/console-styles';
import { compactNumber } from './issue-format';

/** The posts analysis kept for the issue (where it started, the most representative, the farthest-reaching); their text is the public's, shown as text. */
export function IssueSamples({ samples }: { samples: IssueView['samples'] }) {
  return (
    <section style={consoleStyles.section}>
      <h3 style={consoleStyles.sectionTitle}>Sample posts</h3>
      {samples.length === 0 && <p style={consoleStyles.muted}>None kept.</p>}
      <ul style={{ margin: 0, paddingLeft: 18, fontSize: 13 }}>
        {samples.map((sample) => (
          <li key={sample.key} style={{ marginBottom: 4 }}>
            {sample.text}{' '}
            <span style={consoleStyles.muted}>
              · reach {compactNumber(sample.reach)} · {new Date(sample.at).toLocaleString()}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
