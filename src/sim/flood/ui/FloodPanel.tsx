import { useEffect, useState } from 'react';
import { useT } from '../../../app/useT';
import { useFloodStore } from '../../../state/floodStore';
import { CellChart } from './CellChart';
import { DepthLegend } from './DepthLegend';
import { FloodCounts } from './FloodCounts';
import { ResultExport } from './ResultExport';
import { startFloodRun } from './floodRunClient';
import { RunControls } from './RunControls';
import { ScenarioEditor } from './ScenarioEditor';
import { DEMO_ROADS_URL, DEMO_SCENARIO_URL, scenarioOf } from './scenarioOf';
import { TimeSlider } from './TimeSlider';
import './floodPanel.css';

type Json = Record<string, unknown>;

interface BaseScenario {
  json: Json;
  gauges: { id: string; x: number; y: number }[];
}

function useBaseScenario(): { base: BaseScenario | null; failure: string | null } {
  const [base, setBase] = useState<BaseScenario | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch(DEMO_SCENARIO_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} ${DEMO_SCENARIO_URL}`);
        return response.json() as Promise<Json>;
      })
      .then((json) => live && setBase({ json, gauges: (json.gauges ?? []) as BaseScenario['gauges'] }))
      .catch((error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, []);
  return { base, failure };
}

/** The Vận hành flood panel (lazy-loaded): scenario, run, time, legend, impact counts and the cell chart. */
export default function FloodPanel() {
  const t = useT();
  const { base, failure } = useBaseScenario();
  const status = useFloodStore((s) => s.status);
  const error = useFloodStore((s) => s.error);
  const busy = status === 'preparing' || status === 'running' || status === 'paused';

  const run = () => {
    if (!base) return;
    const { scenario, files } = scenarioOf(base.json, useFloodStore.getState().draft);
    startFloodRun({
      scenario, files, backend: 'auto',
      baseUrl: new URL(DEMO_SCENARIO_URL, window.location.href).href,
      roadsUrl: new URL(DEMO_ROADS_URL, window.location.href).href,
    });
  };

  const shownError = failure ?? (error && (error.field
    ? t('flood.error.field', { field: error.field, message: error.message })
    : t('flood.error.other', { message: error.message })));
  const origin = base?.gauges[0] ? ([base.gauges[0].x, base.gauges[0].y] as [number, number]) : null;
  return (
    <section className="panel flood-panel" aria-labelledby="flood-title" data-testid="flood-panel">
      <div className="panel-head">
        <h3 id="flood-title">{t('flood.title')}</h3>
        <span className="flood-badge" data-testid="flood-synthetic">{t('flood.synthetic')}</span>
      </div>
      <p className="flood-hint">{t('flood.syntheticNote')}</p>
      <p className="flood-hint">{t('flood.area')}</p>
      <RunControls onRun={run} canRun={base !== null} />
      {shownError && <p className="flood-error" role="alert" data-testid="flood-error">{shownError}</p>}
      <TimeSlider />
      <DepthLegend />
      <FloodCounts />
      <ResultExport />
      <CellChart gauges={base?.gauges ?? []} />
      <ScenarioEditor disabled={busy} errorField={error?.field ?? null} origin={origin} />
    </section>
  );
}
