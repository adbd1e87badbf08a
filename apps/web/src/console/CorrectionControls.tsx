import type { TriageItemView } from '@watchfloor/contracts';
import { theme } from '../theme';
import { consoleStyles } from './console-styles';
import type { Correction, CorrectedSentiment } from './triage-client';
import { withShortcut } from './shortcuts';
import type { ShortcutAction } from './shortcuts';
import { ConsoleButton } from './ConsoleButton';

const CHOICES: { sentiment: CorrectedSentiment; shortcut: ShortcutAction }[] = [
  { sentiment: 'negative', shortcut: 'correctNegative' },
  { sentiment: 'neutral', shortcut: 'correctNeutral' },
  { sentiment: 'positive', shortcut: 'correctPositive' },
];

/** A person's word on the analysis: the right sentiment, or "not relevant". It trains the accuracy figures. */
export function CorrectionControls({
  correction,
  busy,
  onCorrect,
}: {
  correction: TriageItemView['correction'];
  busy: boolean;
  onCorrect: (correction: Correction) => void;
}) {
  return (
    <div data-testid="correction" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
      <span style={consoleStyles.muted}>Correct analysis:</span>
      {CHOICES.map(({ sentiment, shortcut }) => {
        const chosen = correction?.sentiment === sentiment;
        return (
          <ConsoleButton
            key={sentiment}
            data-testid={`correct-${sentiment}`}
            aria-pressed={chosen}
            title={withShortcut(`Sentiment is ${sentiment}`, shortcut)}
            disabled={busy}
            onClick={() => onCorrect({ sentiment })}
            style={{
              borderColor: theme.sentiment[sentiment],
              ...(chosen && { background: theme.sentiment[sentiment], color: theme.background }),
            }}
          >
            {sentiment}
          </ConsoleButton>
        );
      })}
      <ConsoleButton
        data-testid="not-relevant"
        aria-pressed={correction?.notRelevant === true}
        title="Not relevant: the post is not about us"
        disabled={busy}
        onClick={() => onCorrect({ notRelevant: true })}
        style={{
          ...(correction?.notRelevant === true && { background: theme.mutedText, color: theme.background }),
        }}
      >
        Not relevant
      </ConsoleButton>
    </div>
  );
}
