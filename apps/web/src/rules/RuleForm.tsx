import type { FormEvent } from 'react';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { ActionFields } from './ActionFields';
import { ConditionFields } from './ConditionFields';
import { Field, inputStyle } from './Field';
import type { RuleFormState } from './rule-form-model';
import type { RuleLookups } from './rule-types';

/** Edits one rule of the list; "Apply" puts it back in the list, which is saved as a whole. */
export function RuleForm({
  form,
  isNew,
  problems,
  lookups,
  onChange,
  onApply,
  onCancel,
}: {
  form: RuleFormState;
  isNew: boolean;
  problems: string[];
  lookups: RuleLookups;
  onChange: (patch: Partial<RuleFormState>) => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form
      data-testid="rule-form"
      // The browser's own checks (a step of 0.05, say) would block "Apply" without a word; ours and the server's speak.
      noValidate
      onSubmit={apply}
      style={{
        display: 'grid',
        gap: 12,
        padding: 16,
        marginBottom: 16,
        border: `1px solid ${theme.panelBorder}`,
        borderRadius: 8,
        background: theme.panel,
      }}
    >
      <h2 style={{ margin: 0 }}>{isNew ? 'New rule' : `Edit rule ${form.id}`}</h2>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-end' }}>
        <Field label="Name">
          <input
            data-testid="rule-name"
            maxLength={200}
            value={form.name}
            onChange={(event) => onChange({ name: event.target.value })}
            style={{ ...inputStyle, width: 320 }}
          />
        </Field>
        <label style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
          <input
            type="checkbox"
            data-testid="rule-enabled"
            checked={form.enabled}
            onChange={(event) => onChange({ enabled: event.target.checked })}
          />
          Enabled
        </label>
      </div>
      <ConditionFields form={form} onChange={onChange} queries={lookups.queries} />
      <ActionFields
        form={form}
        onChange={onChange}
        teams={lookups.teams}
        people={lookups.people}
        channels={lookups.channels}
      />
      <Problem message={problems.length > 0 ? problems.join('; ') : null} testId="rule-form-error" />
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="submit" data-testid="apply-rule">
          {isNew ? 'Add to the list' : 'Apply to the list'}
        </button>
        <button type="button" data-testid="cancel-rule" onClick={onCancel}>
          Cancel
        </button>
        <span style={{ color: theme.mutedText, alignSelf: 'center' }}>Nothing is live until the list is saved.</span>
      </div>
    </form>
  );
}
