/**
 * The operator's draft (floodStore) applied to the demo district's scenario: the result is the engine's scenario
 * JSON (src/sim/flood/scenario.schema.json), which is what runs and what can be saved to reproduce the run.
 */
import type { FloodDraft } from '../../../state/floodStore';
import { hanoiIdf } from './hanoiStorm';

/** The demo scenario, next to its inputs (assets/demo/flood, served at /demo/flood/). */
export const DEMO_SCENARIO_URL = '/demo/flood/scenario.json';
export const DEMO_ROADS_URL = '/demo/basemap/roads.geojson';
/** Blocks of the alternating-block storm (min). */
export const STORM_BLOCK_MINUTES = 5;
/** Cells around an inflow point that share its discharge (m). */
const RADIUS_OF_INFLOW_M = 4;

type Json = Record<string, unknown>;

export interface ScenarioInput {
  scenario: Json;
  /** Files the draft brings (a rain CSV), by the path the scenario names them with. */
  files: Record<string, ArrayBuffer>;
}

export function scenarioOf(base: Json, draft: FloodDraft): ScenarioInput {
  const durationSeconds = Math.round(draft.durationMinutes * 60);
  const files: Record<string, ArrayBuffer> = {};
  let rain: Json;
  if (draft.rainSource === 'csv' && draft.rainCsv) {
    const name = `picked/${draft.rainCsv.name.replace(/[^\w.-]+/g, '_')}`;
    files[name] = new TextEncoder().encode(draft.rainCsv.text).buffer as ArrayBuffer;
    rain = { csv: name };
  } else {
    rain = { designStorm: { idf: hanoiIdf(draft.returnPeriodYears), durationMinutes: draft.stormMinutes, blockMinutes: STORM_BLOCK_MINUTES } };
  }
  // Zones of the base scenario keep their share of the default capacity (the east: 30 of 40 mm/h).
  const baseDrainage = (base.drainage ?? {}) as { defaultMmPerHour?: number; zones?: { polygon: string; mmPerHour: number }[] };
  const share = draft.drainageMmPerHour / (baseDrainage.defaultMmPerHour || draft.drainageMmPerHour || 1);
  const drainage = {
    defaultMmPerHour: draft.drainageMmPerHour,
    zones: (baseDrainage.zones ?? []).map((zone) => ({ ...zone, mmPerHour: Math.round(zone.mmPerHour * share * 10) / 10 })),
  };
  const inflows = draft.inflows.map((inflow) => ({
    x: inflow.x, y: inflow.y, radiusMeters: RADIUS_OF_INFLOW_M,
    hydrograph: [[0, inflow.dischargeM3s], [durationSeconds, inflow.dischargeM3s]],
  }));
  const { $schema: _schema, ...rest } = base;
  return { scenario: { ...rest, durationSeconds, rain, drainage, inflows }, files };
}
