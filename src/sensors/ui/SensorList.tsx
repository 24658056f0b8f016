import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { useSensorStore } from '../../state/sensorStore';
import { SENSOR_KINDS } from '../kinds';
import type { DatastreamDescriptor } from '../types';
import { sensorLook, warningLevels, type SensorState } from './sensorState';
import { formatValue } from './unitLabels';
import { useSampled } from './useSampled';

/** Rows drawn at first, and how many more each "show more" adds (a city can have thousands of datastreams). */
const PAGE_ROWS = 50;
const STATES: readonly SensorState[] = ['warning', 'stale', 'ok', 'waiting'];

interface Props {
  selected: string | null;
  onSelect(datastreamId: string): void;
}

/**
 * Every datastream, searchable and filtered by kind, state and area, with its latest value and state in words;
 * values refresh once a second.
 */
export function SensorList({ selected, onSelect }: Props) {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const { datastreams, latest, statuses } = useSampled(useSensorStore, (s) => ({ datastreams: s.datastreams, latest: s.latest, statuses: s.statuses }));
  const alerts = useAlertStore((s) => s.alerts);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [state, setState] = useState('');
  const [area, setArea] = useState('');
  const [shownRows, setShownRows] = useState(PAGE_ROWS);
  const search = useDeferredValue(query.trim().toLocaleLowerCase('vi'));

  const all = useMemo(() => Object.values(datastreams).sort((a, b) => a.name.localeCompare(b.name, 'vi')), [datastreams]);
  const areas = useMemo(() => [...new Set(all.map((d) => d.area).filter((a): a is string => a !== null))].sort((a, b) => a.localeCompare(b, 'vi')), [all]);
  const levels = useMemo(() => warningLevels(Object.values(alerts)), [alerts]);
  const matches = (d: DatastreamDescriptor) =>
    (!kind || d.kind === kind) && (!area || d.area === area) &&
    (!search || `${d.name} ${d.thing.name} ${d.id} ${d.area ?? ''}`.toLocaleLowerCase('vi').includes(search));
  const rows = all.filter(matches).map((d) => ({ d, look: sensorLook(statuses[d.id], levels.get(d.id)) })).filter((r) => !state || r.look.state === state);

  return (
    <section className="sensors-section" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h4 id={`${id}-title`}>{t('sensors.list')}</h4>
        <span className="sensors-count" data-testid="sensor-count">{t('sensors.list.count', { shown: rows.length, total: all.length })}</span>
      </div>
      <div className="sensors-filters">
        <label htmlFor={`${id}-q`}>{t('sensors.list.search')}</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor={`${id}-kind`}>{t('sensors.list.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('sensors.list.all')}</option>
          {SENSOR_KINDS.map((k) => <option key={k} value={k}>{t(`sensors.kind.${k}`)}</option>)}
        </select>
        <label htmlFor={`${id}-state`}>{t('sensors.list.state')}</label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">{t('sensors.list.all')}</option>
          {STATES.map((s) => <option key={s} value={s}>{t(`sensors.state.${s}`)}</option>)}
        </select>
        <label htmlFor={`${id}-area`}>{t('sensors.list.area')}</label>
        <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
          <option value="">{t('sensors.list.all')}</option>
          {areas.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </div>
      {all.length === 0 ? <p className="hint">{t('sensors.list.none')}</p> : (
        <ul className="sensors-list" data-testid="sensor-list">
          {rows.slice(0, shownRows).map(({ d, look }) => {
            const value = latest[d.id];
            return (
              <li key={d.id}>
                <button type="button" className={`sensors-row sensors-state-${look.state}${look.level ? ` sensors-level-${look.level}-edge` : ''}`}
                  aria-pressed={d.id === selected} onClick={() => onSelect(d.id)} data-datastream-id={d.id}>
                  <span className="sensors-row-name">{d.name}</span>
                  <span className="sensors-row-value">{value ? formatValue(value.value, d.unit.ucum, lang) : '—'}</span>
                  <span className="sensors-row-meta">
                    {t(`sensors.kind.${d.kind}`)}{d.area && ` · ${d.area}`} · <span className="sensors-state-word">{t(`sensors.state.${look.state}`)}</span>
                    {look.level && ` (${t(`sensors.level.${look.level}`)})`}
                    {d.simulated && <> · <span className="sensors-tag">{t('sensors.simulated')}</span></>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {rows.length > shownRows && (
        <button type="button" onClick={() => setShownRows((n) => n + PAGE_ROWS)}>{t('sensors.list.more', { count: Math.min(PAGE_ROWS, rows.length - shownRows) })}</button>
      )}
    </section>
  );
}
