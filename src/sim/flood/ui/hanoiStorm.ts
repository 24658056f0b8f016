/**
 * The design storm of the demo district: rainfall intensity from the formula of TCVN 7957:2008 (drainage design
 * standard), Appendix B, q = A(1 + C·lg P)/(t + b)^n in l/s·ha, with the parameters commonly cited for Hà Nội
 * (A = 5890, C = 0.65, b = 20, n = 0.84). Illustrative: check them against the standard before operational use.
 * Returned as the engine's IDF i = a/(D + b)^c (mm/h, D in minutes; 1 l/s·ha = 0.36 mm/h).
 */
export const HANOI_IDF_SOURCE = 'TCVN 7957:2008 App. B, Hà Nội (A 5890, C 0.65, b 20, n 0.84)';

export function hanoiIdf(returnPeriodYears: number): { a: number; b: number; c: number } {
  const LITRES_PER_SECOND_HECTARE_TO_MM_PER_HOUR = 0.36;
  const a = LITRES_PER_SECOND_HECTARE_TO_MM_PER_HOUR * 5890 * (1 + 0.65 * Math.log10(returnPeriodYears));
  return { a: Math.round(a * 10) / 10, b: 20, c: 0.84 };
}
