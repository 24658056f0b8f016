import { create } from 'zustand';
import type { LocalizedText } from '../geo';
import { emptyStats, type LatestValue } from '../sensors/ingest/ingestor';
import type { SensorStatus } from '../sensors/ingest/stale';
import type { ConnectionState } from '../sensors/sources/connectionState';
import { DEMO_REPLAY_SOURCE, type SensorSourceConfig } from '../sensors/sources/sourceConfig';
import type { DatastreamDescriptor, IngestStats, MalformedMessage } from '../sensors/types';
import type { BatchPayload } from '../../workers/sensors/protocol';

/**
 * Live sensor state for the panels and the map: datastream descriptions, latest values, statuses, ingestion
 * counts and connection states, as the ingestion worker's batches report them (src/sensors/sensorClient.ts
 * applies them, one `set` per batch). Series live in `observationRegistry`; `seriesVersion` says when they grew.
 * The source configuration is saved locally, so a reload keeps it.
 */

/** Malformed messages kept for display (all are counted in `stats`). */
const MALFORMED_SHOWN = 50;

interface SensorState {
  sources: SensorSourceConfig[];
  datastreams: Record<string, DatastreamDescriptor>;
  latest: Record<string, LatestValue>;
  statuses: Record<string, SensorStatus>;
  stats: IngestStats;
  connections: Record<string, ConnectionState>;
  /** Why a source could not start (bad mapping file, unreachable service), by source id. */
  sourceErrors: Record<string, LocalizedText>;
  /** The most recent malformed messages, newest first. */
  malformed: MalformedMessage[];
  /** Goes up each time new observations reach `observationRegistry`. */
  seriesVersion: number;
  setSources(sources: SensorSourceConfig[]): void;
  upsertSource(source: SensorSourceConfig): void;
  removeSource(id: string): void;
  applyBatch(batch: BatchPayload): void;
  setSourceError(sourceId: string, message: LocalizedText | null): void;
  /** Forgets live data (the worker stopped); the configuration stays. */
  clearLive(): void;
}

const SOURCES_KEY = 'sao.sensors.sources';

/** The saved sources, or the embedded replay when none were saved (or the saved text is unreadable). */
export function loadSources(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SensorSourceConfig[] {
  try {
    const saved = JSON.parse(storage?.getItem(SOURCES_KEY) ?? 'null') as unknown;
    return Array.isArray(saved) ? (saved as SensorSourceConfig[]) : [DEMO_REPLAY_SOURCE];
  } catch {
    return [DEMO_REPLAY_SOURCE];
  }
}

export function saveSources(sources: SensorSourceConfig[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SOURCES_KEY, JSON.stringify(sources));
  } catch {
    // Storage full or denied (private mode): the configuration still lives for this session.
  }
}

const live = () => ({
  datastreams: {},
  latest: {},
  statuses: {},
  stats: emptyStats(),
  connections: {},
  sourceErrors: {},
  malformed: [],
});

const without = <T>(record: Record<string, T>, ids: readonly string[]): Record<string, T> => {
  if (ids.length === 0) return record;
  const copy = { ...record };
  for (const id of ids) delete copy[id];
  return copy;
};

export const useSensorStore = create<SensorState>()((set) => ({
  sources: loadSources(),
  ...live(),
  seriesVersion: 0,
  setSources: (sources) => {
    saveSources(sources);
    set({ sources });
  },
  upsertSource: (source) =>
    set((s) => {
      const sources = s.sources.some((x) => x.id === source.id) ? s.sources.map((x) => (x.id === source.id ? source : x)) : [...s.sources, source];
      saveSources(sources);
      return { sources };
    }),
  removeSource: (id) =>
    set((s) => {
      const sources = s.sources.filter((x) => x.id !== id);
      saveSources(sources);
      return { sources, connections: without(s.connections, [id]), sourceErrors: without(s.sourceErrors, [id]) };
    }),
  applyBatch: (batch) =>
    set((s) => {
      const datastreams = without({ ...s.datastreams }, batch.removed);
      for (const d of batch.datastreams) datastreams[d.id] = d;
      const connections = { ...s.connections };
      for (const c of batch.connections) connections[c.sourceId] = c;
      return {
        datastreams,
        latest: without({ ...s.latest, ...batch.latest }, batch.removed),
        statuses: without({ ...s.statuses, ...batch.statuses }, batch.removed),
        stats: batch.stats,
        connections,
        malformed: batch.malformed.length > 0 ? [...batch.malformed.reverse(), ...s.malformed].slice(0, MALFORMED_SHOWN) : s.malformed,
        seriesVersion: batch.series.ids.length > 0 ? s.seriesVersion + 1 : s.seriesVersion,
      };
    }),
  setSourceError: (sourceId, message) =>
    set((s) => ({ sourceErrors: message ? { ...s.sourceErrors, [sourceId]: message } : without(s.sourceErrors, [sourceId]) })),
  clearLive: () => set({ ...live() }),
}));
