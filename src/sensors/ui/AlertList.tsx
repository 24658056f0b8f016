import { useMemo, useState } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { compareAlerts } from '../rules/alerts';
import { formatDateTime } from './format';
import { LevelBadge } from './LevelBadge';
import { useAlertTitle } from './useAlertTitle';

/** Alerts, unresolved first and by level; each opens its details and playbook. */
export function AlertList() {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const title = useAlertTitle();
  const alerts = useAlertStore((s) => s.alerts);
  const selected = useAlertStore((s) => s.selectedAlertId);
  const select = useAlertStore((s) => s.selectAlert);
  const [showResolved, setShowResolved] = useState(false);
  const sorted = useMemo(() => Object.values(alerts).sort(compareAlerts), [alerts]);
  const unresolved = sorted.filter((a) => a.status !== 'resolved').length;
  const shown = showResolved ? sorted : sorted.filter((a) => a.status !== 'resolved');
  return (
    <section className="sensors-section" aria-labelledby="alerts-title">
      <div className="panel-head">
        <h4 id="alerts-title">{t('sensors.alerts')}</h4>
        <span className="sensors-count" data-testid="alerts-unresolved">{t('sensors.alerts.unresolved', { count: unresolved })}</span>
      </div>
      <label className="sensors-check">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('sensors.alerts.showResolved')}
      </label>
      {shown.length === 0 ? <p className="hint">{t('sensors.alerts.none')}</p> : (
        <ul className="sensors-alerts" data-testid="alert-list">
          {shown.slice(0, 100).map((alert) => (
            <li key={alert.id}>
              <button type="button" className="sensors-alert-row" aria-pressed={alert.id === selected} onClick={() => select(alert.id === selected ? null : alert.id)} data-alert-id={alert.id}>
                <LevelBadge level={alert.level} />
                <span className="sensors-alert-title">{title(alert)}</span>
                <span className="sensors-alert-meta">
                  {t(`sensors.status.${alert.status}`)} · {formatDateTime(alert.raisedAt, lang)}
                  {alert.active && <> · <strong>{t('sensors.alert.active')}</strong></>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
