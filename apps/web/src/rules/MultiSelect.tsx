import { Field, inputStyle } from './Field';

/**
 * Pick several of a list the server gave (queries, channels). A picked id the list no longer has
 * (deleted since, or not visible to this role) stays picked and shows as unknown, so saving does
 * not drop it behind the person's back.
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  testId,
  emptyText,
}: {
  label: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  testId: string;
  emptyText: string;
}) {
  const unknown = selected.filter((value) => !options.some((option) => option.value === value));
  const all = [...options, ...unknown.map((value) => ({ value, label: `unknown: ${value}` }))];
  return (
    <Field label={label} hint={all.length === 0 ? emptyText : 'Ctrl or ⌘ click to pick several'}>
      <select
        multiple
        data-testid={testId}
        value={[...selected]}
        size={Math.min(Math.max(all.length, 2), 6)}
        onChange={(event) => onChange(Array.from(event.target.selectedOptions, (option) => option.value))}
        style={{ ...inputStyle, minWidth: 220 }}
      >
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
