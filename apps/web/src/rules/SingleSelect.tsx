import { Field, inputStyle } from './Field';

/**
 * Pick one of a list the server gave (teams, people), or none (""). Like MultiSelect, an id the
 * list no longer has stays picked and shows as unknown, so saving does not drop it unseen.
 */
export function SingleSelect({
  label,
  hint,
  options,
  value,
  onChange,
  testId,
  noneText,
  disabled = false,
}: {
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** What picking none means. */
  noneText: string;
  disabled?: boolean;
}) {
  const unknown = value !== '' && !options.some((option) => option.value === value);
  return (
    <Field label={label} hint={hint}>
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        style={inputStyle}
      >
        <option value="">{noneText}</option>
        {unknown && <option value={value}>unknown: {value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
