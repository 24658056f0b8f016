import { useId, useState } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { useSensorStore } from '../../state/sensorStore';
import type { Alert } from '../rules/alerts';
import { formatDateTime } from './format';
import { LevelBadge } from './LevelBadge';
import { openFloodScenario } from './openFloodScenario';
import { PlaybookView } from './PlaybookView';
import { formatValue } from './unitLabels';
import { useAlertTitle } from './useAlertTitle';
import { useSampled } from './useSampled';

/** The selected alert: what raised it, its state, the operator's actions (signed with the profile's name), its playbook. */
export function AlertDetail() {
  const t = useT();
  const alert = useAlertStore((s) => (s.selectedAlertId ? s.alerts[s.selectedAlertId] : undefined));
  const select = useAlertStore((s) => s.selectAlert);
  const title = useAlertTitle();
  if (!alert) return null;
  return (
    <section className="sensors-detail" aria-labelledby="alert-detail-title" data-testid="alert-detail" data-alert-id={alert.id}>
      <div className="panel-head">
        <h4 id="alert-detail-title"><LevelBadge level={alert.level} /> {title(alert)}</h4>
        <button type="button" onClick={() => select(null)} aria-label={t('sensors.alert.close')}>×</button>
      </div>
      <AlertFacts alert={alert} />
      <AlertActions alert={alert} />
      <AlertPlaybook alert={alert} />
      {alert.actions.map((action, k) => <FloodAction key={k} alert={alert} action={action} />)}
    </section>
  );
}

function AlertFacts({ alert }: { alert: Alert }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const datastreams = useSampled(useSensorStore, (s) => s.datastreams);
  const clearedAt = alert.clearedAt === null ? '' : formatDateTime(alert.clearedAt, lang);
  return (
    <dl className="sensors-facts">
      <dt>{t('sensors.list.state')}</dt>
      <dd data-testid="alert-status">
        {t(`sensors.status.${alert.status}`)} · {alert.active ? t('sensors.alert.active') : alert.clearReason && t(`sensors.alert.cleared.${alert.clearReason}`, { time: clearedAt })}
      </dd>
      <dt>{t('sensors.alert.raised')}</dt>
      <dd>{formatDateTime(alert.raisedAt, lang)} ({t('sensors.alert.observedAt', { time: formatDateTime(alert.observedAt, lang) })})</dd>
      {alert.occurrences > 1 && (<><dt>{t('sensors.alert.occurrences')}</dt><dd>{alert.occurrences}</dd></>)}
      <dt>{t('sensors.alert.sensors')}</dt>
      <dd>
        <ul className="sensors-plain">
          {alert.datastreamIds.map((id, k) => {
            const d = datastreams[id];
            const value = alert.kind === 'rule' ? alert.values[k] : undefined;
            return <li key={id}>{d?.name ?? id}{value !== undefined && d && `: ${formatValue(value, d.unit.ucum, lang)}`}</li>;
          })}
        </ul>
      </dd>
      <dt>{t('sensors.alert.assignee')}</dt>
      <dd data-testid="alert-assignee">{alert.assignee ?? t('sensors.alert.unassigned')}</dd>
    </dl>
  );
}

function AlertActions({ alert }: { alert: Alert }) {
  const t = useT();
  const id = useId();
  const operator = useAlertStore((s) => s.operator);
  const act = useAlertStore((s) => s.act);
  const resolved = alert.status === 'resolved';
  if (!operator) return <p className="sensors-warning">{t('sensors.profile.missing')}</p>;
  return (
    <div className="sensors-actions">
      <button type="button" disabled={alert.status !== 'open'} onClick={() => act(alert.id, { type: 'acknowledge' })}>{t('sensors.alert.acknowledge')}</button>
      <TextAction label={t('sensors.alert.assignTo')} button={t('sensors.alert.assign')} disabled={resolved} required suggestions={`${id}-agencies`}
        onSubmit={(assignee) => act(alert.id, { type: 'assign', assignee })} />
      <AgencyOptions id={`${id}-agencies`} alert={alert} />
      <TextAction label={t('sensors.alert.resolveNote')} button={t('sensors.alert.resolve')} disabled={resolved}
        onSubmit={(note) => act(alert.id, { type: 'resolve', note })} />
    </div>
  );
}

interface TextActionProps {
  label: string;
  button: string;
  disabled: boolean;
  /** The action needs text (an assignee); a resolution note may be empty. */
  required?: boolean;
  suggestions?: string;
  onSubmit(text: string): void;
}

/** A labelled text field and the button that acts with it (Enter submits). */
function TextAction({ label, button, disabled, required = false, suggestions, onSubmit }: TextActionProps) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <form className="sensors-inline-form" onSubmit={(e) => {
      e.preventDefault();
      onSubmit(text);
      setText('');
    }}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={text} onChange={(e) => setText(e.target.value)} disabled={disabled} list={suggestions} />
      <button type="submit" disabled={disabled || (required && !text.trim())}>{button}</button>
    </form>
  );
}

/** The playbook's agencies as suggestions for "assign to". */
function AgencyOptions({ id, alert }: { id: string; alert: Alert }) {
  const playbook = useAlertStore((s) => s.ruleSet?.playbooks.find((p) => p.id === alert.playbookId));
  const agencies = [...new Set(playbook?.steps.map((s) => s.agency) ?? [])];
  return <datalist id={id}>{agencies.map((a) => <option key={a} value={a} />)}</datalist>;
}

function AlertPlaybook({ alert }: { alert: Alert }) {
  const t = useT();
  const playbook = useAlertStore((s) => s.ruleSet?.playbooks.find((p) => p.id === alert.playbookId));
  const operator = useAlertStore((s) => s.operator);
  const act = useAlertStore((s) => s.act);
  if (!alert.playbookId) return alert.kind === 'rule' ? <p className="hint">{t('sensors.playbook.none')}</p> : null;
  if (!playbook) return <p className="sensors-warning">{t('sensors.playbook.missing', { id: alert.playbookId })}</p>;
  const canCheck = operator && alert.status !== 'resolved';
  return <PlaybookView playbook={playbook} checked={alert.checked} onCheck={canCheck ? (item, checked) => act(alert.id, { type: 'check', item, checked }) : null} />;
}

function FloodAction({ alert, action }: { alert: Alert; action: Alert['actions'][number] }) {
  const t = useT();
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="sensors-flood-action">
      <button type="button" className="sensors-primary" onClick={() => {
        const rain = openFloodScenario(alert.id, action);
        setResult(rain
          ? t('sensors.alert.openFlood.done', { minutes: Math.round(rain.spanSeconds / 60), peak: Math.round(rain.peakMmPerHour) })
          : t('sensors.alert.openFlood.none'));
      }}>{t('sensors.alert.openFlood')}</button>
      {result && <p role="status" className="hint" data-testid="flood-action-result">{result}</p>}
    </div>
  );
}
