import { theme } from '../theme';
import type { DryRunSample, DryRunView } from './rule-types';

const SAMPLES_SHOWN = 3;

function authorOf(sample: DryRunSample): string {
  return typeof sample.author === 'string' ? sample.author : `@${sample.author.handle}`;
}

function sentimentOf(sample: DryRunSample): string {
  return typeof sample.sentiment === 'string' ? sample.sentiment : sample.sentiment.label;
}

/** What the edited list would have flagged over the last 24 hours, per rule, with a few examples. */
export function DryRunResult({ result }: { result: DryRunView }) {
  const span = `${new Date(result.from).toLocaleString()} – ${new Date(result.to).toLocaleString()}`;
  return (
    <section data-testid="dry-run-result" style={{ marginBottom: 24 }}>
      <h2>Dry run</h2>
      <p>
        Of <strong data-testid="dry-run-scanned">{result.scanned.toLocaleString()}</strong> mentions ({span}), the rules
        would have flagged <strong data-testid="dry-run-matched">{result.matched.toLocaleString()}</strong>.
      </p>
      <ul style={{ display: 'grid', gap: 12, paddingLeft: 20 }}>
        {result.perRule.map((rule) => (
          <li key={rule.ruleId} data-testid="dry-run-rule" data-rule-id={rule.ruleId}>
            <strong>{rule.ruleName}</strong>: <span data-testid="dry-run-count">{rule.count.toLocaleString()}</span>
            {rule.samples.slice(0, SAMPLES_SHOWN).map((sample) => (
              <blockquote
                key={sample.mentionId}
                data-testid="dry-run-sample"
                style={{ margin: '6px 0 0 12px', color: theme.mutedText }}
              >
                <small>
                  {authorOf(sample)} · {sentimentOf(sample)} · {sample.priority}
                </small>
                <br />
                {sample.text}
              </blockquote>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
