/**
 * The connection panel's forms as pure functions: a draft the operator typed → a source config, or the message key
 * of what is wrong. Kept out of the React component so they can be tested and reused.
 */
import type { MessageKey } from '../../../app/i18n';
import { compileMapping } from '../../adapters/mqttJson/mapping';
import { clientIdFor, type MqttSourceConfig, type MqttSubscription, type SensorThingsSourceConfig } from '../../sources/sourceConfig';

export interface MqttDraft {
  name: string;
  brokerUrl: string;
  /** Parsed mapping file, or null. */
  mapping: unknown;
  ngsiTopic: string;
  staTopic: string;
}

export interface StaDraft {
  name: string;
  serviceUrl: string;
  brokerUrl: string;
  pollSeconds: number;
}

export type FormResult<T> = { ok: true; config: T } | { ok: false; error: MessageKey };

const isWs = (url: string): boolean => /^wss?:\/\/[^/\s]+/.test(url);
const isHttp = (url: string): boolean => /^https?:\/\/[^/\s]+/.test(url);
const sourceId = (): string => `src-${Date.now().toString(36)}`;

export function mqttSourceOf(draft: MqttDraft): FormResult<MqttSourceConfig> {
  const brokerUrl = draft.brokerUrl.trim();
  if (!isWs(brokerUrl)) return { ok: false, error: 'sensors.connection.badBrokerUrl' };
  const subscriptions: MqttSubscription[] = [];
  if (draft.mapping !== null) {
    compileMapping(draft.mapping); // throws a SourceError naming the field; the panel shows it
    subscriptions.push({ format: 'mqtt-json', mapping: draft.mapping });
  }
  if (draft.ngsiTopic.trim()) subscriptions.push({ format: 'ngsi-ld', topic: draft.ngsiTopic.trim(), expectedIntervalSeconds: 60 });
  if (draft.staTopic.trim()) subscriptions.push({ format: 'sensorthings', topic: draft.staTopic.trim() });
  if (subscriptions.length === 0) return { ok: false, error: 'sensors.connection.noSubscription' };
  const id = sourceId();
  return { ok: true, config: { id, name: draft.name.trim() || brokerUrl, enabled: true, kind: 'mqtt', brokerUrl, clientId: clientIdFor(id), username: null, password: null, subscriptions } };
}

export function sensorThingsSourceOf(draft: StaDraft): FormResult<SensorThingsSourceConfig> {
  const serviceUrl = draft.serviceUrl.trim();
  const brokerUrl = draft.brokerUrl.trim();
  if (!isHttp(serviceUrl)) return { ok: false, error: 'sensors.connection.badServiceUrl' };
  if (brokerUrl && !isWs(brokerUrl)) return { ok: false, error: 'sensors.connection.badBrokerUrl' };
  const id = sourceId();
  return {
    ok: true,
    config: { id, name: draft.name.trim() || serviceUrl, enabled: true, kind: 'sensorthings', serviceUrl, brokerUrl: brokerUrl || null, clientId: clientIdFor(id), pollSeconds: Math.max(5, draft.pollSeconds || 60) },
  };
}
