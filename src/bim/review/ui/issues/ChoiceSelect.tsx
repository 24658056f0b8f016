/** A labelled select of BCF values (status, priority, type); `—` offers no value when `optional`. */
export function ChoiceSelect({ id, label, value, options, optional = false, testId, onChange }: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  optional?: boolean;
  testId?: string;
  onChange(value: string): void;
}) {
  return (
    <label htmlFor={id} className="review-issues-field">
      <span>{label}</span>
      <select id={id} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        {optional && <option value="">—</option>}
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
}
