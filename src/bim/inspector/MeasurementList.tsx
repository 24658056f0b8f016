import type { Dispatch } from 'react';
import { useT } from '../../app/useT';
import type { ToolAction } from './inspectorTools';
import type { Measurement } from './measurements';
import { useMeasurementValue } from './useInspectorText';

/** The measurements made, each with its kind and value in metres or square metres; remove one or clear all. */
export function MeasurementList({ measurements, dispatch }: { measurements: readonly Measurement[]; dispatch: Dispatch<ToolAction> }) {
  const t = useT();
  const valueOf = useMeasurementValue();
  return (
    <section className="inspector-list" aria-labelledby="inspector-measurements-title">
      <h4 id="inspector-measurements-title">{t('inspector.measurements')}</h4>
      <ol className="inspector-measurements" data-testid="inspector-measurements">
        {measurements.map((m, i) => (
          <li key={m.id} data-kind={m.kind} data-value={m.value}>
            <span>{t(`inspector.measure.${m.kind}`)}</span>
            <strong>{valueOf(m)}</strong>
            <button type="button" aria-label={t('inspector.measure.remove', { n: i + 1 })} onClick={() => dispatch({ type: 'removeMeasurement', id: m.id })}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => dispatch({ type: 'clearMeasurements' })} data-testid="inspector-measurements-clear">
        {t('inspector.measure.clear')}
      </button>
    </section>
  );
}
