/** Number and measurement text for the inspector, in the interface language (Vietnamese uses a decimal comma). */
import { useCallback } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import type { Measurement } from './measurements';

export function useNumber(): (value: number, digits?: number) => string {
  const lang = useViewStore((s) => s.lang);
  return useCallback(
    (value: number, digits = 2) =>
      value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    [lang],
  );
}

/** "5,23 m" or "12,40 m²": the value a measurement shows, in its unit. */
export function useMeasurementValue(): (measurement: Measurement) => string {
  const t = useT();
  const number = useNumber();
  return useCallback(
    (measurement: Measurement) =>
      measurement.kind === 'faceArea' || measurement.kind === 'polygonArea'
        ? t('inspector.measure.squareMetres', { value: number(measurement.value) })
        : t('inspector.measure.metres', { value: number(measurement.value) }),
    [t, number],
  );
}
