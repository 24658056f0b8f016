import { useEffect, useId, useState } from 'react';

/**
 * A labelled number input that lets the planner type freely ("21.", "-", "105,78"): the text is local, and
 * `onValue` hears every text that reads as a finite number. A value changed from outside (a click in the
 * scene) replaces the text.
 */
export function NumberField({ label, value, step, onValue, testId }: {
  label: string;
  value: number | null;
  step: number;
  onValue: (value: number) => void;
  testId: string;
}) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : value === null ? '' : String(value)));
  }, [value]);
  return (
    <label className="bim-field" htmlFor={id}>
      <span>{label}</span>
      <input id={id} type="number" inputMode="decimal" step={step} value={text} data-testid={testId}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parse(event.target.value);
          if (parsed !== null) onValue(parsed);
        }} />
    </label>
  );
}

function parse(text: string): number | null {
  if (text.trim() === '') return null;
  const number = Number(text.replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}
