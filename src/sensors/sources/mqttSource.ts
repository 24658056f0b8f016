/**
 * A broker with any mix of subscriptions (plain MQTT JSON by a mapping, NGSI-LD notifications, the SensorThings
 * MQTT extension) over one persistent-session connection. Each message goes to the first subscription whose topic
 * filter matches; a message no subscription claims is `unknownSensor`.
 */
import { createMqttJsonAdapter } from '../adapters/mqttJson/adapter';
import { topicPattern } from '../adapters/mqttJson/mapping';
import { malformed } from '../adapters/malformed';
import { createNgsiLdAdapter } from '../adapters/ngsiLd/adapter';
import { createSensorThingsMqttAdapter } from '../adapters/sensorThings/mqttAdapter';
import type { ObservationSink } from '../adapters/sink';
import { openMqttConnection } from './mqttConnection';
import type { RunningSource, SourceEnvironment, SourceSink } from './runningSource';
import type { MqttSourceConfig, MqttSubscription } from './sourceConfig';

interface Route {
  filters: RegExp[];
  topics: readonly string[];
  handle(topic: string, payload: Uint8Array, receivedAt: number, sink: ObservationSink): void;
}

function routeOf(subscription: MqttSubscription, brokerUrl: string): Route {
  if (subscription.format === 'mqtt-json') {
    const adapter = createMqttJsonAdapter(subscription.mapping, brokerUrl);
    return { filters: adapter.topics.map((t) => topicPattern(t)!), topics: adapter.topics, handle: adapter.handle };
  }
  const filter = topicPattern(subscription.topic);
  if (!filter) throw new Error(`not an MQTT topic filter: ${subscription.topic}`);
  const adapter =
    subscription.format === 'ngsi-ld'
      ? createNgsiLdAdapter({ brokerUrl, expectedIntervalSeconds: subscription.expectedIntervalSeconds })
      : createSensorThingsMqttAdapter(brokerUrl, brokerUrl);
  return { filters: [filter], topics: [subscription.topic], handle: adapter.handle };
}

export function startMqttSource(config: MqttSourceConfig, sink: SourceSink, env: SourceEnvironment): RunningSource {
  const routes = config.subscriptions.map((s) => routeOf(s, config.brokerUrl));
  const connection = openMqttConnection({
    sourceId: config.id,
    url: config.brokerUrl,
    clientId: config.clientId,
    username: config.username,
    password: config.password,
    topics: routes.flatMap((r) => r.topics),
    backoff: env.backoff,
    connect: env.connect,
    now: env.now,
    onState: env.onState,
    onReconnected: () => sink.countReconnect(),
    onMessage(topic, payload, receivedAt) {
      sink.countMessage();
      const route = routes.find((r) => r.filters.some((f) => f.test(topic)));
      if (route) route.handle(topic, payload, receivedAt, sink);
      else sink.malformed(malformed({ protocol: 'mqtt-json', source: `${config.brokerUrl}|${topic}`, receivedAt }, 'unknownSensor', `không có đăng ký nào cho chủ đề ${topic}`, `no subscription covers topic ${topic}`));
    },
  });
  return { tick: () => undefined, stop: () => connection.close() };
}
