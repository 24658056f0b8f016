import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { parseRuleSet, parseRuleSetText } from '../rules/parseRuleSet';
import { RuleSetError } from '../rules/RuleSetError';
import type { Rule, RuleSet } from '../rules/types';
import { loadSampleRuleSet } from './operations';
import { RuleForm } from './RuleForm';
import { datedName, downloadJson, readRuleSetFile, withSchema } from './ruleFile';

type Outcome = { ok: true; text: string } | { ok: false; error: RuleSetError };

/** Where a new rule set comes from: the form, the JSON text, a file, the sample. */
interface RuleSetSource {
  (): RuleSet | Promise<RuleSet>;
}

const asError = (error: unknown): RuleSetError =>
  error instanceof RuleSetError ? error : new RuleSetError('$', { vi: String(error), en: String(error) });

/**
 * Rules and playbooks, editable: a form for thresholds, the whole set as JSON (validated, errors name the field),
 * import and export as .json, and the sample set back. Saving validates first; nothing invalid reaches the engine.
 */
export function RuleEditor() {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const ruleSet = useAlertStore((s) => s.ruleSet);
  const origin = useAlertStore((s) => s.ruleSetOrigin);
  const save = useAlertStore((s) => s.saveRuleSet);
  const [rules, setRules] = useState<Rule[]>([]);
  const [json, setJson] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    if (!ruleSet) return;
    setRules(ruleSet.rules);
    setJson(JSON.stringify(ruleSet, null, 2));
    setFormKey((k) => k + 1);
  }, [ruleSet]);
  if (!ruleSet) return null;

  const attempt = (how: 'rulesSaved' | 'rulesImported' | 'rulesReset', make: RuleSetSource, done: (set: RuleSet) => string) => {
    Promise.resolve().then(make).then((set) => {
      save(set, how);
      setOutcome({ ok: true, text: done(set) });
    }, (error: unknown) => setOutcome({ ok: false, error: asError(error) }));
  };
  const saved = () => t('sensors.rules.saved');
  const onImport = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) attempt('rulesImported', () => readRuleSetFile(file), (set) => t('sensors.rules.imported', { name: file.name, rules: set.rules.length, playbooks: set.playbooks.length }));
  };
  const errorField = outcome && !outcome.ok ? outcome.error.field : null;

  return (
    <section className="sensors-section" aria-labelledby={`${id}-title`} data-testid="rule-editor">
      <h4 id={`${id}-title`}>{t('sensors.rules')}</h4>
      <p className="hint">
        {origin && t(`sensors.rules.origin.${origin}`)} · {t('sensors.rules.count', { rules: ruleSet.rules.length, playbooks: ruleSet.playbooks.length })}
      </p>
      <RuleForm key={formKey} rules={rules} errorField={errorField} onChange={(k, rule) => setRules((list) => list.map((r, i) => (i === k ? rule : r)))} />
      <div className="sensors-buttons">
        <button type="button" className="sensors-primary" onClick={() => attempt('rulesSaved', () => parseRuleSet({ ...ruleSet, rules }), saved)}>{t('sensors.rules.save')}</button>
        <button type="button" onClick={() => downloadJson(withSchema(ruleSet), datedName('sao-quy-tac'))} data-testid="rules-export">{t('sensors.rules.export')}</button>
        <label className="sensors-file-button">
          {t('sensors.rules.import')}
          <input type="file" accept=".json,application/json" onChange={onImport} data-testid="rules-import" />
        </label>
        <button type="button" onClick={() => attempt('rulesReset', loadSampleRuleSet, saved)}>{t('sensors.rules.reset')}</button>
      </div>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'hint' : 'sensors-error'} data-testid="rules-outcome">
          {outcome.ok ? outcome.text : t('sensors.rules.error', { detail: outcome.error.userMessage[lang] })}
        </p>
      )}
      <details className="sensors-json">
        <summary>{t('sensors.rules.json')}</summary>
        <label htmlFor={`${id}-json`}>{t('sensors.rules.jsonLabel')}</label>
        <textarea id={`${id}-json`} value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} rows={16}
          aria-invalid={errorField !== null || undefined} data-testid="rules-json" />
        <button type="button" onClick={() => attempt('rulesSaved', () => parseRuleSetText(json), saved)}>{t('sensors.rules.apply')}</button>
      </details>
    </section>
  );
}
