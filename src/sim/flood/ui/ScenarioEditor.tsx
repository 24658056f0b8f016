import { useId } from 'react';
import type { ChangeEvent } from 'react';
import { useT } from '../../../app/useT';
import { useFloodStore } from '../../../state/floodStore';
import type { FloodDraft } from '../../../state/floodStore';
import { HANOI_IDF_SOURCE } from './hanoiStorm';

const RETURN_PERIODS = [2, 5, 10, 20, 50, 100];

function NumberField({ label, value, min, max, step, onChange, invalid, testId }: {
  label: string; value: number; min: number; max: number; step: number; onChange: (value: number) => void; invalid: boolean; testId: string;
}) {
  const id = useId();
  return (
    <div className="flood-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="decimal" min={min} max={max} step={step} value={value} data-testid={testId}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const next = e.target.valueAsNumber;
          if (Number.isFinite(next)) onChange(next);
        }} />
    </div>
  );
}

/** The editable part of the scenario: rain, drainage, duration, inflows. The area is the demo district. */
export function ScenarioEditor({ disabled, errorField, origin }: { disabled: boolean; errorField: string | null; origin: [number, number] | null }) {
  const t = useT();
  const draft = useFloodStore((s) => s.draft);
  const edit = (patch: Partial<FloodDraft>) => useFloodStore.getState().editDraft(patch);
  const bad = (prefix: string) => errorField !== null && errorField.startsWith(prefix);
  const pickCsv = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) edit({ rainSource: 'csv', rainCsv: { name: file.name, text: await file.text() } });
  };
  const rainName = useId();
  const storm = draft.rainSource === 'designStorm';
  return (
    <fieldset className="flood-editor" disabled={disabled}>
      <legend>{t('flood.editor')}</legend>
      <div role="radiogroup" aria-labelledby={rainName} className="flood-rain">
        <span id={rainName} className="flood-label">{t('flood.rain')}</span>
        <label><input type="radio" name="flood-rain" checked={storm} onChange={() => edit({ rainSource: 'designStorm' })} /> {t('flood.rain.designStorm')}</label>
        <label><input type="radio" name="flood-rain" checked={!storm} onChange={() => edit({ rainSource: 'csv' })} /> {t('flood.rain.csv')}</label>
      </div>
      {storm ? (
        <>
          <div className="flood-field">
            <label htmlFor={`${rainName}-p`}>{t('flood.rain.returnPeriod')}</label>
            <select id={`${rainName}-p`} value={draft.returnPeriodYears} data-testid="flood-return-period"
              onChange={(e) => edit({ returnPeriodYears: Number(e.target.value) })}>
              {RETURN_PERIODS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </div>
          <NumberField label={t('flood.rain.stormMinutes')} value={draft.stormMinutes} min={10} max={360} step={5} testId="flood-storm-minutes"
            invalid={bad('rain')} onChange={(stormMinutes) => edit({ stormMinutes })} />
          <p className="flood-hint">{t('flood.rain.idfSource', { source: HANOI_IDF_SOURCE })}</p>
        </>
      ) : (
        <div className="flood-field">
          <label htmlFor={`${rainName}-csv`}>{t('flood.rain.pickCsv')}</label>
          <input id={`${rainName}-csv`} type="file" accept=".csv,text/csv" aria-invalid={bad('rain') || undefined} onChange={pickCsv} />
          <span className="flood-hint">{draft.rainCsv?.name ?? t('flood.rain.noCsv')}</span>
        </div>
      )}
      <NumberField label={t('flood.drainage')} value={draft.drainageMmPerHour} min={0} max={200} step={5} testId="flood-drainage"
        invalid={bad('drainage')} onChange={(drainageMmPerHour) => edit({ drainageMmPerHour })} />
      <p className="flood-hint">{t('flood.drainageHint')}</p>
      <NumberField label={t('flood.duration')} value={draft.durationMinutes} min={5} max={720} step={5} testId="flood-duration"
        invalid={bad('durationSeconds')} onChange={(durationMinutes) => edit({ durationMinutes })} />
      <div className="flood-inflows">
        <span className="flood-label">{t('flood.inflows')}</span>
        {draft.inflows.length === 0 && <span className="flood-hint">{t('flood.inflow.none')}</span>}
        {draft.inflows.map((inflow, n) => {
          const update = (patch: Partial<typeof inflow>) => edit({ inflows: draft.inflows.map((f, k) => (k === n ? { ...f, ...patch } : f)) });
          return (
            <div className="flood-inflow" key={n}>
              <NumberField label={t('flood.inflow.x')} value={inflow.x} min={0} max={1e7} step={1} testId={`flood-inflow-${n}-x`}
                invalid={bad(`inflows[${n}]`)} onChange={(x) => update({ x })} />
              <NumberField label={t('flood.inflow.y')} value={inflow.y} min={0} max={1e7} step={1} testId={`flood-inflow-${n}-y`}
                invalid={bad(`inflows[${n}]`)} onChange={(y) => update({ y })} />
              <NumberField label={t('flood.inflow.q')} value={inflow.dischargeM3s} min={0} max={1000} step={0.1} testId={`flood-inflow-${n}-q`}
                invalid={bad(`inflows[${n}]`)} onChange={(dischargeM3s) => update({ dischargeM3s })} />
              <button type="button" onClick={() => edit({ inflows: draft.inflows.filter((_, k) => k !== n) })}>
                {t('flood.inflow.remove', { n: n + 1 })}
              </button>
            </div>
          );
        })}
        <button type="button" disabled={!origin}
          onClick={() => origin && edit({ inflows: [...draft.inflows, { x: origin[0], y: origin[1], dischargeM3s: 1 }] })}>
          {t('flood.inflow.add')}
        </button>
      </div>
      <button type="button" className="flood-reset" onClick={() => useFloodStore.getState().resetDraft()}>{t('flood.reset')}</button>
    </fieldset>
  );
}
