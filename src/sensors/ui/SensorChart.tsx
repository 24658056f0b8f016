import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { useSensorStore } from '../../state/sensorStore';
import type { SeriesWindow } from '../ingest/observationRing';
import { observationRegistry } from '../observationRegistry';
import { matchesSelector } from '../rules/selector';
import { sensorClient } from '../sensorClient';
import { chartX, chartY, niceTicks, seriesPath, timeTicks, valueRange, type ChartFrame } from './chartGeometry';
import { formatClock, formatDateTime } from './format';
import { formatValue, unitName, unitSymbol } from './unitLabels';
import { useSampled } from './useSampled';

const HOUR = 3_600_000;
const WIDTH = 320;
const HEIGHT = 150;
const MIN_SPAN = 60_000;
const MAX_SPAN = 7 * 24 * HOUR;

/** `null`: live, the last hour up to the newest value; else a fixed window (phenomenon time). */
type Window = { from: number; to: number } | null;

/**
 * One datastream over time (SVG): the last hour, following new values, by default; zoom and pan into history with
 * the buttons or the keyboard. Values come from the main thread's ring; a window older than it asks the worker's.
 * The thresholds of `value` rules on this datastream are drawn as dashed lines.
 */
export function SensorChart({ datastreamId }: { datastreamId: string }) {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const d = useSensorStore((s) => s.datastreams[datastreamId]);
  const { latest, version } = useSampled(useSensorStore, (s) => ({ latest: s.latest[datastreamId], version: s.seriesVersion }), datastreamId);
  const rules = useAlertStore((s) => s.ruleSet?.rules);
  const [view, setView] = useState<Window>(null);
  const [history, setHistory] = useState<SeriesWindow | null>(null);

  useEffect(() => setView(null), [datastreamId]);
  const to = view?.to ?? latest?.phenomenonTime ?? 0;
  const from = view?.from ?? to - HOUR;
  const local = useMemo(() => observationRegistry.series(datastreamId), [datastreamId, version]);
  const olderThanLocal = local.times.length === 0 || from < local.times[0]!;
  useEffect(() => {
    setHistory(null);
    if (!view || !olderThanLocal) return;
    let live = true;
    sensorClient.history(datastreamId, view).then((h) => live && setHistory(h)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [datastreamId, view, olderThanLocal]);
  const series = history ?? local;

  const thresholds = useMemo(() => (d && rules ? rules.filter((r) => r.enabled && r.condition.measure === 'value' && matchesSelector(r.select, d)).map((r) => r.condition.threshold) : []), [d, rules]);
  if (!d) return null;
  const [min, max] = valueRange(series, from, to, thresholds);
  const frame: ChartFrame = { from, to: Math.max(to, from + 1), width: WIDTH, height: HEIGHT, min, max };
  const path = seriesPath(series, frame);
  const unit = unitSymbol(d.unit.ucum, lang);
  const span = to - from;
  const zoom = (factor: number) => {
    const centre = (from + to) / 2, half = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * factor)) / 2;
    setView({ from: centre - half, to: centre + half });
  };
  const pan = (direction: number) => setView({ from: from + (direction * span) / 2, to: to + (direction * span) / 2 });
  const onKey = (e: KeyboardEvent) => {
    const actions: Record<string, () => void> = { ArrowLeft: () => pan(-1), ArrowRight: () => pan(1), '+': () => zoom(0.5), '=': () => zoom(0.5), '-': () => zoom(2), Home: () => setView(null) };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  const inWindow = countInWindow(series, from, to);
  const label = t('sensors.chart.label', { name: d.name, unit: unitName(d.unit.ucum, lang), from: formatDateTime(from, lang), to: formatDateTime(to, lang) });
  return (
    <section className="sensors-section" aria-labelledby={`${id}-title`} data-testid="sensor-chart">
      <h4 id={`${id}-title`}>{t('sensors.chart')}: {d.name} ({unit || d.unit.ucum})</h4>
      <div className="sensors-buttons" role="group" aria-label={t('sensors.chart.window')}>
        <button type="button" onClick={() => pan(-1)}>{t('sensors.chart.earlier')}</button>
        <button type="button" onClick={() => pan(1)}>{t('sensors.chart.later')}</button>
        <button type="button" onClick={() => zoom(0.5)}>{t('sensors.chart.zoomIn')}</button>
        <button type="button" onClick={() => zoom(2)}>{t('sensors.chart.zoomOut')}</button>
        <button type="button" aria-pressed={view === null} onClick={() => setView(null)}>{t('sensors.chart.live')}</button>
      </div>
      <figure className="sensors-chart" tabIndex={0} onKeyDown={onKey} aria-describedby={`${id}-summary ${id}-keys`}>
        <svg viewBox={`-44 -8 ${WIDTH + 52} ${HEIGHT + 30}`} role="img" aria-label={label}>
          {niceTicks(min, max, 4).map((v) => (
            <g key={v} className="sensors-chart-grid">
              <line x1={0} x2={WIDTH} y1={chartY(frame, v)} y2={chartY(frame, v)} />
              <text x={-4} y={chartY(frame, v) + 4} textAnchor="end">{formatValue(v, '1', lang)}</text>
            </g>
          ))}
          {timeTicks(from, to, 4).map((time) => (
            <text key={time} className="sensors-chart-time" x={chartX(frame, time)} y={HEIGHT + 18} textAnchor="middle">{formatClock(time, lang)}</text>
          ))}
          {thresholds.map((v) => (
            <g key={`th-${v}`} className="sensors-chart-threshold">
              <line x1={0} x2={WIDTH} y1={chartY(frame, v)} y2={chartY(frame, v)} />
              <text x={WIDTH - 2} y={chartY(frame, v) - 3} textAnchor="end">{t('sensors.chart.threshold', { value: formatValue(v, d.unit.ucum, lang) })}</text>
            </g>
          ))}
          <path className="sensors-chart-line" d={path} />
        </svg>
        <figcaption id={`${id}-summary`} className="hint">
          {inWindow.count === 0 ? t('sensors.chart.empty') : t('sensors.chart.summary', {
            count: inWindow.count, min: formatValue(inWindow.min, d.unit.ucum, lang), max: formatValue(inWindow.max, d.unit.ucum, lang),
            latest: latest ? formatValue(latest.value, d.unit.ucum, lang) : '—', at: latest ? formatDateTime(latest.phenomenonTime, lang) : '—',
          })}
        </figcaption>
        <p id={`${id}-keys`} className="hint">{t('sensors.chart.keys')}</p>
      </figure>
    </section>
  );
}

function countInWindow(series: SeriesWindow, from: number, to: number): { count: number; min: number; max: number } {
  let count = 0, min = Infinity, max = -Infinity;
  for (let k = 0; k < series.times.length; k++) {
    const time = series.times[k]!;
    if (time < from || time > to) continue;
    const v = series.values[k]!;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, min, max };
}
