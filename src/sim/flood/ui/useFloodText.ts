/** Number formatting for the flood panel, in the interface language (Vietnamese uses a decimal comma). */
import { useCallback } from 'react';
import { useViewStore } from '../../../state';

export function useNumber(): (value: number, digits?: number) => string {
  const lang = useViewStore((s) => s.lang);
  return useCallback(
    (value: number, digits = 2) =>
      Number.isFinite(value)
        ? value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
        : '—',
    [lang],
  );
}
