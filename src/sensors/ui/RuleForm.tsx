import { useId } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { ALERT_LEVELS } from '../rules/parseRuleSet';
import type { Rule } from '../rules/types';
import type { AlertLevel } from '../types';

interface Props {
  rules: Rule[];
  onChange(index: number, rule: Rule): void;
  /** The field the last save rejected (`rules[2].condition.threshold`), marked invalid. */
  errorField: string | null;
}

/** The thresholds of each rule as a form: on/off, threshold, duration, minimum sensors, level. */
export function RuleForm({ rules, onChange, errorField }: Props) {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));
  return (
    <ul className="sensors-rules" data-testid="rule-form">
      {rules.map((rule, k) => {
        const c = rule.condition;
        const field = `rules[${k}]`;
        const bad = (name: string) => (errorField?.startsWith(`${field}.${name}`) ? true : undefined);
        const kind = rule.select.kind ? t(`sensors.kind.${rule.select.kind}`) : t('sensors.rules.anyKind');
        const summary = t(`sensors.rules.condition.${c.measure}`, { kind, op: c.op, threshold: c.threshold, window: Math.round((c.windowSeconds ?? 0) / 60) });
        const edit = (patch: Partial<Rule>) => onChange(k, { ...rule, ...patch });
        const editCondition = (patch: Partial<Rule['condition']>) => edit({ condition: { ...c, ...patch } });
        const fid = `${id}-${k}`;
        return (
          <li key={rule.id} className="sensors-rule" data-rule-id={rule.id}>
            <fieldset>
              <legend>
                {rule.name[lang]} {rule.sample && <span className="sensors-tag">{t('sensors.sample')}</span>}
              </legend>
              <p className="hint">{summary}</p>
              <div className="sensors-rule-fields">
                <label><input type="checkbox" checked={rule.enabled} onChange={(e) => edit({ enabled: e.target.checked })} /> {t('sensors.rules.enabled')}</label>
                <label htmlFor={`${fid}-th`}>{t('sensors.rules.threshold')}</label>
                <input id={`${fid}-th`} inputMode="decimal" defaultValue={String(c.threshold)} aria-invalid={bad('condition.threshold')}
                  data-testid={`rule-threshold-${rule.id}`} onChange={(e) => editCondition({ threshold: number(e.target.value) })} />
                <label htmlFor={`${fid}-for`}>{t('sensors.rules.forMinutes')}</label>
                <input id={`${fid}-for`} inputMode="decimal" defaultValue={String((c.forSeconds ?? 0) / 60)} aria-invalid={bad('condition.forSeconds')}
                  onChange={(e) => editCondition({ forSeconds: number(e.target.value) * 60 })} />
                <label htmlFor={`${fid}-n`}>{t('sensors.rules.minSensors')}</label>
                <input id={`${fid}-n`} inputMode="numeric" defaultValue={String(rule.minSensors ?? 1)} aria-invalid={bad('minSensors')}
                  onChange={(e) => edit({ minSensors: number(e.target.value) })} />
                <label htmlFor={`${fid}-level`}>{t('sensors.rules.level')}</label>
                <select id={`${fid}-level`} value={rule.level} onChange={(e) => edit({ level: e.target.value as AlertLevel })}>
                  {ALERT_LEVELS.map((level) => <option key={level} value={level}>{t(`sensors.level.${level}`)}</option>)}
                </select>
              </div>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
