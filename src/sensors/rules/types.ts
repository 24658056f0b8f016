/**
 * Rules and playbooks (issue 5 §4, Decree 269/2025 Art. 33.4): a rule is a condition over one or many datastreams
 * that leads to an operating level and a playbook. Everything here is plain JSON (`ruleSet.schema.json`), so a rule
 * set can be edited, saved in IndexedDB, exported and imported; `parseRuleSet` names the field at fault.
 *
 * The rule engine (`engine.ts`) runs in the ingestion worker; it turns observations and clock ticks into
 * `AlertEvent`s that travel up to the main thread, where `alertStore` keeps alerts and their audit log.
 */
import type { LocalizedText } from '../../geo';
import type { AlertLevel, SensorKind } from '../types';

/** Which datastreams a rule watches; every field given must match (kind AND area AND id list). */
export interface DatastreamSelector {
  kind?: SensorKind;
  /** `DatastreamDescriptor.area`, e.g. a ward's name or code. */
  area?: string;
  /** Explicit datastream ids. */
  datastreamIds?: string[];
}

/** What a condition compares: the value itself, its rise per hour over a window, or the VN_AQI sub-index of PM2.5. */
export type ConditionMeasure = 'value' | 'risePerHour' | 'vnAqi';

export type ComparisonOperator = '>' | '>=' | '<' | '<=';

/**
 * A comparison that each selected datastream satisfies on its own:
 * - `measure: 'value'`: the latest value `op threshold` (a threshold);
 * - `measure: 'risePerHour'`: (latest − value `windowSeconds` ago) / window in hours `op threshold` (rate of rise);
 * - `measure: 'vnAqi'`: the PM2.5 concentration (µg/m³) turned into the VN_AQI sub-index (Decision 1459/QĐ-TCMT,
 *   hourly breakpoints, no NowCast weighting) `op threshold`.
 * `forSeconds` (duration) asks the comparison to hold continuously, by phenomenon time, for that long.
 */
export interface RuleCondition {
  measure: ConditionMeasure;
  op: ComparisonOperator;
  threshold: number;
  /** Window of the rate of rise (only `risePerHour`). */
  windowSeconds?: number;
  /** "for 5 minutes": 300. 0 or absent: at once. */
  forSeconds?: number;
}

/** What else a rule does when it fires, beyond showing its playbook. */
export type RuleAction = {
  type: 'openFloodScenario';
  /** The rain gauges whose observed series pre-fill the flood scenario's rain. */
  rain: DatastreamSelector;
};

export interface Rule {
  id: string;
  name: LocalizedText;
  enabled: boolean;
  /** Part of the demo district's sample set (labelled *sample* in the UI). */
  sample?: boolean;
  select: DatastreamSelector;
  condition: RuleCondition;
  /** "N sensors in this area": fire when at least this many selected datastreams satisfy the condition. Default 1. */
  minSensors?: number;
  level: AlertLevel;
  playbookId: string | null;
  actions?: RuleAction[];
}

export interface PlaybookContact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface PlaybookStep {
  title: LocalizedText;
  /** The responsible agency, e.g. "Phòng Quản lý đô thị quận Cầu Giấy". */
  agency: string;
  checklist: LocalizedText[];
  contacts: PlaybookContact[];
}

/** An inter-agency response scenario: ordered steps, each with its agency, checklist and contacts. */
export interface Playbook {
  id: string;
  name: LocalizedText;
  sample?: boolean;
  steps: PlaybookStep[];
}

/** The persisted, exported and imported unit. */
export interface RuleSet {
  version: 1;
  rules: Rule[];
  playbooks: Playbook[];
}

/**
 * What the engine reports. An alert is identified by `alertId`; `key` groups the alerts of one rule (`rule:<id>`)
 * or one stale datastream (`stale:<datastreamId>`), and at most one alert per key is active at a time.
 * - `raised`: the rule's condition became true (or a datastream went silent for 3× its interval);
 * - `updated`: still active, the datastreams satisfying it changed (e.g. a second gauge crossed);
 * - `cleared`: the condition no longer holds (`conditionFalse`), the data behind it went stale (`stale`), data
 *   resumed after silence (`dataResumed`), or the rule was edited/removed (`ruleChanged`). The engine re-arms: the
 *   next time the condition holds, a new alert is raised. Clearing never resolves an alert; the operator does.
 */
export type AlertEvent =
  | {
      type: 'raised';
      alertId: string;
      key: string;
      kind: 'rule' | 'stale';
      ruleId: string | null;
      level: AlertLevel;
      playbookId: string | null;
      actions: RuleAction[];
      /** Datastreams satisfying the condition (rule) or the silent one (stale). */
      datastreamIds: string[];
      /** The value of each datastream above, in its unit (measure applied: a rate, an AQI, or the raw value). */
      values: number[];
      /** Phenomenon time (rule) or the engine clock (stale) when it was raised, ms since epoch. */
      at: number;
    }
  | { type: 'updated'; alertId: string; key: string; datastreamIds: string[]; values: number[]; at: number }
  | {
      type: 'cleared';
      alertId: string;
      key: string;
      reason: 'conditionFalse' | 'stale' | 'dataResumed' | 'ruleChanged';
      at: number;
    };

export type AlertEventType = AlertEvent['type'];
