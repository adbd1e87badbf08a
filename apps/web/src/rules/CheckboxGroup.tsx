import { theme } from '../theme';

/** Pick any number of values: none picked leaves the condition out. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  testIdPrefix,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  testIdPrefix: string;
}) {
  const toggle = (value: T, checked: boolean) =>
    // Kept in the options' order, so the saved JSON does not depend on the order of clicks.
    onChange(options.map((option) => option.value).filter((v) => (v === value ? checked : selected.includes(v))));
  return (
    <fieldset style={{ border: `1px solid ${theme.panelBorder}`, borderRadius: 6, margin: 0 }}>
      <legend>{legend}</legend>
      <span style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {options.map((option) => (
          <label key={option.value} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
            <input
              type="checkbox"
              data-testid={`${testIdPrefix}-${option.value}`}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
