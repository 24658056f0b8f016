/**
 * The ingestion state of one session: every datastream's description, ring buffer, latest value and status, the
 * running IngestStats, and what is new since the last `drain()` (the worker posts that every ~200 ms). It is the
 * `ObservationSink` all adapters write into; the benchmark drives this same code in Node.
 */
import type { SourceSink } from '../sources/runningSource';
import type { DatastreamDescriptor, IngestStats, MalformedMessage, MalformedReason, Observation } from '../types';
import { ObservationRing } from './observationRing';
import { SequenceTracker } from './sequenceTracker';
import { isStale, type SensorStatus } from './stale';

export interface LatestValue {
  value: number;
  phenomenonTime: number;
  receivedAt: number;
}

export interface DatastreamState {
  descriptor: DatastreamDescriptor;
  readonly ring: ObservationRing;
  latest: LatestValue | null;
  /** When data last arrived, or when the datastream was announced if none has. */
  lastReceivedAt: number;
  status: SensorStatus;
}

/** What changed since the previous drain. Series are packed: datastream k owns `[offsets[k], offsets[k+1])`. */
export interface IngestDelta {
  datastreams: DatastreamDescriptor[];
  latest: Record<string, LatestValue>;
  series: { ids: string[]; offsets: Uint32Array; times: Float64Array; values: Float64Array };
  statuses: Record<string, SensorStatus>;
  /** The observations themselves, for the rule engine (not posted). */
  observations: Observation[];
  malformed: MalformedMessage[];
  stats: IngestStats;
}

export interface IngestorOptions {
  /** Observations kept per datastream. */
  capacity: number;
  /** Malformed messages kept for display per drain (all are counted). */
  malformedSample?: number;
  now?: () => number;
}

const REASONS: readonly MalformedReason[] = ['badJson', 'wrongType', 'unknownSensor', 'tooLarge', 'missingField'];

export function emptyStats(): IngestStats {
  return { received: 0, observations: 0, malformed: Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<MalformedReason, number>, lost: 0, reconnects: 0 };
}

export class Ingestor implements SourceSink {
  readonly stats: IngestStats = emptyStats();
  readonly sequences = new SequenceTracker();
  private readonly states = new Map<string, DatastreamState>();
  private readonly options: Required<IngestorOptions>;
  private pendingDescriptors = new Map<string, DatastreamDescriptor>();
  private pending: Observation[] = [];
  private pendingMalformed: MalformedMessage[] = [];
  private pendingStatuses: Record<string, SensorStatus> = {};

  constructor(options: IngestorOptions) {
    this.options = { malformedSample: 20, now: Date.now, ...options };
  }

  /** One message arrived (before its adapter decides what it is). */
  countMessage(): void {
    this.stats.received++;
  }

  countReconnect(): void {
    this.stats.reconnects++;
  }

  datastream(descriptor: DatastreamDescriptor): void {
    const existing = this.states.get(descriptor.id);
    if (existing) existing.descriptor = descriptor;
    else {
      const status: SensorStatus = 'waiting';
      this.states.set(descriptor.id, { descriptor, ring: new ObservationRing(this.options.capacity), latest: null, lastReceivedAt: this.options.now(), status });
      this.pendingStatuses[descriptor.id] = status;
    }
    this.pendingDescriptors.set(descriptor.id, descriptor);
  }

  observation(observation: Observation): void {
    const state = this.states.get(observation.datastreamId);
    if (!state) return; // adapters announce before they observe; a stray id is a programming error upstream
    if (observation.provenance.sequence !== null) {
      this.sequences.see(observation.provenance.source, observation.provenance.sequence);
      this.stats.lost = this.sequences.lost;
    }
    if (!state.ring.insert(observation.phenomenonTime, observation.value)) return;
    this.stats.observations++;
    const { receivedAt } = observation.provenance;
    if (!state.latest || observation.phenomenonTime >= state.latest.phenomenonTime) {
      state.latest = { value: observation.value, phenomenonTime: observation.phenomenonTime, receivedAt };
    }
    state.lastReceivedAt = Math.max(state.lastReceivedAt, receivedAt);
    this.setStatus(state, 'live');
    this.pending.push(observation);
  }

  malformed(message: MalformedMessage): void {
    this.stats.malformed[message.reason]++;
    if (this.pendingMalformed.length < this.options.malformedSample) this.pendingMalformed.push(message);
  }

  /** Phenomenon time of the newest value held (the STA gap fill reads after it), or null. */
  latestTime(id: string): number | null {
    return this.states.get(id)?.latest?.phenomenonTime ?? null;
  }

  get(id: string): DatastreamState | undefined {
    return this.states.get(id);
  }

  all(): IterableIterator<DatastreamState> {
    return this.states.values();
  }

  /** Marks silent datastreams stale (and nothing else: data makes them live again). */
  checkStale(now: number): void {
    for (const state of this.states.values()) {
      if (state.status !== 'stale' && isStale(state.lastReceivedAt, state.descriptor.expectedIntervalSeconds, now)) this.setStatus(state, 'stale');
    }
  }

  /** Takes what is new since the previous drain. */
  drain(): IngestDelta {
    const byStream = new Map<string, Observation[]>();
    for (const o of this.pending) {
      const list = byStream.get(o.datastreamId);
      if (list) list.push(o);
      else byStream.set(o.datastreamId, [o]);
    }
    const ids = [...byStream.keys()];
    const offsets = new Uint32Array(ids.length + 1);
    const times = new Float64Array(this.pending.length);
    const values = new Float64Array(this.pending.length);
    const latest: Record<string, LatestValue> = {};
    let at = 0;
    ids.forEach((id, k) => {
      offsets[k] = at;
      for (const o of byStream.get(id)!) {
        times[at] = o.phenomenonTime;
        values[at] = o.value;
        at++;
      }
      const state = this.states.get(id);
      if (state?.latest) latest[id] = { ...state.latest };
    });
    offsets[ids.length] = at;
    const delta: IngestDelta = {
      datastreams: [...this.pendingDescriptors.values()],
      latest,
      series: { ids, offsets, times, values },
      statuses: this.pendingStatuses,
      observations: this.pending,
      malformed: this.pendingMalformed,
      stats: structuredClone(this.stats),
    };
    this.pendingDescriptors = new Map();
    this.pending = [];
    this.pendingMalformed = [];
    this.pendingStatuses = {};
    return delta;
  }

  /** Forgets datastreams (their source was removed). */
  forget(ids: Iterable<string>): void {
    for (const id of ids) {
      this.states.delete(id);
      this.pendingDescriptors.delete(id);
      delete this.pendingStatuses[id];
    }
    this.pending = this.pending.filter((o) => this.states.has(o.datastreamId));
  }

  private setStatus(state: DatastreamState, status: SensorStatus): void {
    if (state.status === status) return;
    state.status = status;
    this.pendingStatuses[state.descriptor.id] = status;
  }
}
