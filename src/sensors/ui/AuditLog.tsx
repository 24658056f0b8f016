import { useId } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { formatDateTime } from './format';
import { datedName, downloadJson } from './ruleFile';
import { useAlertTitle } from './useAlertTitle';

/** Rows shown; the export carries everything kept in memory, IndexedDB keeps it all. */
const SHOWN = 50;

/** Who did what and when, newest first: system events and every operator action, signed with the profile's name. */
export function AuditLog() {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const audit = useAlertStore((s) => s.audit);
  const alerts = useAlertStore((s) => s.alerts);
  const title = useAlertTitle();
  const rows = audit.slice(-SHOWN).reverse();
  return (
    <section className="sensors-section" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h4 id={`${id}-title`}>{t('sensors.audit')}</h4>
        <button type="button" disabled={audit.length === 0} onClick={() => downloadJson(audit, datedName('sao-nhat-ky'))}>{t('sensors.audit.export')}</button>
      </div>
      {rows.length === 0 ? <p className="hint">{t('sensors.audit.none')}</p> : (
        <div className="sensors-table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
          <table className="sensors-audit" data-testid="audit-log">
            <thead>
              <tr><th scope="col">{t('sensors.audit.time')}</th><th scope="col">{t('sensors.audit.user')}</th><th scope="col">{t('sensors.audit.action')}</th></tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const alert = e.alertId ? alerts[e.alertId] : undefined;
                return (
                  <tr key={e.seq} data-action={e.action}>
                    <td>{formatDateTime(e.at, lang)}</td>
                    <td>{e.user ?? t('sensors.audit.system')}</td>
                    <td>
                      {t(`sensors.audit.${e.action}`)}
                      {alert && <>: {title(alert)}</>}
                      {e.detail && <span className="sensors-audit-detail"> — {e.detail}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
