import type { Lang } from '../../../../app/i18n';
import type { PlanCheck } from '../../../plan/types';

/** Digits shown per unit: millimetres are beyond what a storey height is checked to, centimetres are not. */
const DIGITS = { m: 2, storeys: 0, ratio: 3 } as const;

/**
 * A measured value or limit as the check reads it, in the interface language: metres to the centimetre, storeys
 * whole, site coverage as a percentage, the floor-area ratio to three decimals (the plan CLI's choice).
 */
export function formatPlanValue(lang: Lang, check: Pick<PlanCheck, 'id' | 'unit'>, value: number): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const number = (n: number, digits: number) => n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (check.unit === 'm') return `${number(value, DIGITS.m)} m`;
  if (check.unit === 'storeys') return number(value, DIGITS.storeys);
  return check.id === 'siteCoverage' ? `${number(value * 100, 2)} %` : number(value, DIGITS.ratio);
}
