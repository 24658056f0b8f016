import { useEffect, useState } from 'react';
import { useT } from '../../app/useT';
import { useAlertStore } from '../../state/alertStore';
import { useSensorStore } from '../../state/sensorStore';
import { AlertBanner } from './AlertBanner';
import { AlertDetail } from './AlertDetail';
import { AlertList } from './AlertList';
import { AuditLog } from './AuditLog';
import { ConnectionSettings } from './connection';
import { IngestStatsView } from './IngestStatsView';
import { startOperations } from './operations';
import { ProfileSetting } from './ProfileSetting';
import { RuleEditor } from './RuleEditor';
import { SensorChart } from './SensorChart';
import { SensorList } from './SensorList';
import './sensorsPanel.css';

/**
 * The Vận hành sensor panel (lazy-loaded): the newest alert at once, alerts with their playbooks, the operator's
 * name, sensors (list and chart), ingestion counts and the sources, rules and playbooks, and the audit log.
 */
export default function SensorsPanel() {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const simulated = useSensorStore((s) => Object.values(s.datastreams).some((d) => d.simulated));
  const persistError = useAlertStore((s) => s.persistError);
  useEffect(startOperations, []);
  return (
    <section className="panel sensors-panel" aria-labelledby="sensors-title" data-testid="sensors-panel">
      <div className="panel-head">
        <h3 id="sensors-title">{t('sensors.title')}</h3>
        {simulated && <span className="sensors-badge" data-testid="sensors-simulated">{t('sensors.simulated')}</span>}
      </div>
      {simulated && <p className="hint">{t('sensors.simulatedNote')}</p>}
      {persistError && <p className="sensors-error" role="alert">{t('sensors.persistError', { detail: persistError })}</p>}
      <AlertBanner />
      <ProfileSetting />
      <AlertList />
      <AlertDetail />
      <SensorList selected={selected} onSelect={setSelected} />
      {selected && <SensorChart datastreamId={selected} />}
      <IngestStatsView />
      <ConnectionSettings />
      <RuleEditor />
      <AuditLog />
    </section>
  );
}
