import { useT } from '../../../app/useT';
import { useViewStore } from '../../../state';
import { useSensorStore } from '../../../state/sensorStore';
import type { SensorSourceConfig } from '../../sources/sourceConfig';

/** One configured source: what it is, where it points, whether it is on, and how its link stands. */
export function SourceRow({ source, onToggle, onRemove }: { source: SensorSourceConfig; onToggle(enabled: boolean): void; onRemove(): void }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const connection = useSensorStore((s) => s.connections[source.id]);
  const error = useSensorStore((s) => s.sourceErrors[source.id]);
  const address = source.kind === 'mqtt' ? source.brokerUrl : source.kind === 'sensorthings' ? source.serviceUrl : null;
  const phase = connection && source.enabled
    ? t(`sensors.connection.phase.${connection.phase}`, { attempt: connection.attempt, seconds: ((connection.nextRetryMs ?? 0) / 1000).toFixed(1) })
    : null;
  return (
    <li className="sensors-source" data-testid={`sensor-source-${source.id}`}>
      <label className="sensors-check">
        <input type="checkbox" checked={source.enabled} onChange={(e) => onToggle(e.target.checked)} aria-label={t('sensors.connection.enabled', { name: source.name })} />
        <span>{source.name}</span>
      </label>
      <span className="sensors-tag">{t(`sensors.connection.kind.${source.kind}`)}</span>
      {address && <code>{address}</code>}
      {phase && (
        <span className={`sensors-phase sensors-phase-${connection!.phase}`} data-testid={`sensor-source-phase-${source.id}`} role="status">
          {phase}
          {connection!.phase === 'connected' && connection!.sessionPresent ? ` · ${t('sensors.connection.sessionResumed')}` : ''}
        </span>
      )}
      {connection?.detail && connection.phase !== 'connected' && <span className="hint">{connection.detail[lang]}</span>}
      {error && <span className="sensors-error" role="alert">{error[lang]}</span>}
      {source.kind !== 'replay' && (
        <button type="button" onClick={onRemove} aria-label={t('sensors.connection.remove', { name: source.name })}>
          ×
        </button>
      )}
    </li>
  );
}
