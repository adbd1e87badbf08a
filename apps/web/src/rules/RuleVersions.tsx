import { theme } from '../theme';
import { authorName } from './rule-summary';
import type { RuleVersionView } from './rule-types';

/** Every saved version of the rule list, newest first: who saved it and when. */
export function RuleVersions({ versions, current }: { versions: RuleVersionView[]; current: number }) {
  const newestFirst = [...versions].sort((left, right) => right.version - left.version);
  return (
    <section data-testid="rule-versions">
      <h2>Versions</h2>
      {newestFirst.length === 0 ? (
        <p style={{ color: theme.mutedText }}>Not saved yet.</p>
      ) : (
        <ul style={{ paddingLeft: 20 }}>
          {newestFirst.map((version) => (
            <li
              key={version.version}
              data-testid="rule-version-row"
              data-version={version.version}
              style={{ fontWeight: version.version === current ? 'bold' : undefined }}
            >
              Version {version.version} · {version.ruleCount} {version.ruleCount === 1 ? 'rule' : 'rules'} · by{' '}
              {authorName(version.createdBy)} · {new Date(version.createdAt).toLocaleString()}
              {version.version === current ? ' (live)' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
