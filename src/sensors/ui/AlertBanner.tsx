import { useT } from '../../app/useT';
import { useAlertStore } from '../../state/alertStore';
import { LevelBadge } from './LevelBadge';
import { useAlertTitle } from './useAlertTitle';

/**
 * The newest alert, at once: an assertive live region (role="alert") that screen readers announce as soon as the
 * engine raises something, and a banner that opens the alert.
 */
export function AlertBanner() {
  const t = useT();
  const title = useAlertTitle();
  const alert = useAlertStore((s) => (s.announcement ? s.alerts[s.announcement.alertId] : undefined));
  const select = useAlertStore((s) => s.selectAlert);
  const shown = alert && alert.status !== 'resolved' ? alert : null;
  return (
    <div role="alert" className="sensors-banner-region" data-testid="alert-banner">
      {shown && (
        <div className={`sensors-banner sensors-banner-${shown.level}`}>
          <LevelBadge level={shown.level} />
          <span className="sensors-banner-text">{t('sensors.alert.announce', { level: t(`sensors.level.${shown.level}`), title: title(shown) })}</span>
          <button type="button" onClick={() => select(shown.id)}>{t('sensors.alert.select')}</button>
        </div>
      )}
    </div>
  );
}
