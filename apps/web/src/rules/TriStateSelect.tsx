import type { TriState } from './rule-form-model';
import { Field, inputStyle } from './Field';

/** A yes/no condition; "any" leaves it out. */
export function TriStateSelect({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: TriState;
  onChange: (value: TriState) => void;
  testId: string;
}) {
  return (
    <Field label={label}>
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value as TriState)}
        style={inputStyle}
      >
        <option value="any">any</option>
        <option value="yes">yes</option>
        <option value="no">no</option>
      </select>
    </Field>
  );
}
