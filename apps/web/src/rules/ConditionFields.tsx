import { CheckboxGroup } from './CheckboxGroup';
import { Field, inputStyle } from './Field';
import { MultiSelect } from './MultiSelect';
import { TriStateSelect } from './TriStateSelect';
import type { RuleFormState } from './rule-form-model';
import { CUES, PLATFORM_OPTIONS, SENTIMENT_OPTIONS } from './rule-types';
import type { QueryOption } from './rule-types';

const CUE_OPTIONS = CUES.map((cue) => ({ value: cue, label: cue }));
type NumberCondition = 'scoreAtMost' | 'scoreAtLeast' | 'confidenceBelow' | 'reachAtLeast';
const NUMBER_BOUNDS: Record<NumberCondition, { min: number; max?: number; step: number }> = {
  scoreAtMost: { min: -1, max: 1, step: 0.05 },
  scoreAtLeast: { min: -1, max: 1, step: 0.05 },
  confidenceBelow: { min: 0, max: 1, step: 0.05 },
  reachAtLeast: { min: 0, step: 1 },
};
const YES_NO_CONDITIONS = [
  { key: 'verified', label: 'Author verified', testId: 'condition-verified' },
  { key: 'inIssue', label: 'In an emerging issue', testId: 'condition-in-issue' },
  { key: 'duringSpike', label: 'During a spike', testId: 'condition-during-spike' },
] as const;
const ROW = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' } as const;

/** The "when" half of a rule: every condition filled in must hold; an empty one is left out. */
export function ConditionFields({
  form,
  onChange,
  queries,
}: {
  form: RuleFormState;
  onChange: (patch: Partial<RuleFormState>) => void;
  queries: QueryOption[];
}) {
  const number = (key: NumberCondition, testId: string) => (
    <input
      type="number"
      data-testid={testId}
      value={form[key]}
      onChange={(event) => onChange({ [key]: event.target.value })}
      style={{ ...inputStyle, width: 110 }}
      {...NUMBER_BOUNDS[key]}
    />
  );
  const lines = (key: 'keywords' | 'excludeKeywords', testId: string) => (
    <textarea
      data-testid={testId}
      rows={4}
      value={form[key]}
      onChange={(event) => onChange({ [key]: event.target.value })}
      style={inputStyle}
    />
  );
  return (
    <fieldset data-testid="rule-conditions" style={{ display: 'grid', gap: 12 }}>
      <legend>When a mention…</legend>
      <CheckboxGroup
        legend="Sentiment is"
        options={SENTIMENT_OPTIONS}
        selected={form.sentiment}
        onChange={(sentiment) => onChange({ sentiment })}
        testIdPrefix="condition-sentiment"
      />
      <div style={ROW}>
        <Field label="Score at most" hint="-1 to 1">
          {number('scoreAtMost', 'condition-score-at-most')}
        </Field>
        <Field label="Score at least" hint="-1 to 1">
          {number('scoreAtLeast', 'condition-score-at-least')}
        </Field>
        <Field label="Confidence below" hint="0 to 1">
          {number('confidenceBelow', 'condition-confidence-below')}
        </Field>
        <Field label="Reach at least">{number('reachAtLeast', 'condition-reach-at-least')}</Field>
      </div>
      <div style={ROW}>
        <MultiSelect
          label="Matches one of the queries"
          options={queries.map((query) => ({ value: query.id, label: query.name }))}
          selected={form.queries}
          onChange={(selected) => onChange({ queries: selected })}
          testId="condition-queries"
          emptyText="no saved queries"
        />
        <Field label="Contains any of" hint="one per line">
          {lines('keywords', 'condition-keywords')}
        </Field>
        <Field label="Contains none of" hint="one per line">
          {lines('excludeKeywords', 'condition-exclude-keywords')}
        </Field>
      </div>
      <CheckboxGroup
        legend="Platform is"
        options={PLATFORM_OPTIONS}
        selected={form.platforms}
        onChange={(platforms) => onChange({ platforms })}
        testIdPrefix="condition-platform"
      />
      <div style={ROW}>
        <Field label="Language is" hint="comma list, e.g. en, de">
          <input
            data-testid="condition-languages"
            value={form.languages}
            onChange={(event) => onChange({ languages: event.target.value })}
            style={inputStyle}
          />
        </Field>
        {YES_NO_CONDITIONS.map((condition) => (
          <TriStateSelect
            key={condition.key}
            label={condition.label}
            value={form[condition.key]}
            onChange={(value) => onChange({ [condition.key]: value })}
            testId={condition.testId}
          />
        ))}
      </div>
      <CheckboxGroup
        legend="Shows any of the cues"
        options={CUE_OPTIONS}
        selected={form.cues}
        onChange={(cues) => onChange({ cues })}
        testIdPrefix="condition-cue"
      />
    </fieldset>
  );
}
