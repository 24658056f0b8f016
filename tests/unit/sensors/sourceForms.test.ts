import { describe, expect, it } from 'vitest';
import { mqttSourceOf, sensorThingsSourceOf } from '../../../src/sensors/ui/connection/sourceForms';
import mapping from '../../../assets/demo/sensors/storm-mqtt-mapping.json';

describe('connection forms', () => {
  const mqtt = { name: '', brokerUrl: 'ws://127.0.0.1:9001', mapping: null, ngsiTopic: '', staTopic: '' };

  it('turn a broker with a mapping file and topics into an MQTT source with a stable, unique clientId', () => {
    const result = mqttSourceOf({ ...mqtt, mapping, ngsiTopic: 'ngsi-ld/notify', staTopic: 'v1.1/#' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({ kind: 'mqtt', name: 'ws://127.0.0.1:9001', enabled: true, brokerUrl: 'ws://127.0.0.1:9001' });
    expect(result.config.subscriptions.map((s) => s.format)).toEqual(['mqtt-json', 'ngsi-ld', 'sensorthings']);
    expect(result.config.clientId).toMatch(/^sao-src-[a-z0-9]+-[a-z0-9]+$/);
    const again = mqttSourceOf({ ...mqtt, mapping });
    expect(again.ok && again.config.clientId).not.toBe(result.config.clientId);
  });

  it('say what is wrong: the address, no subscription, a mapping file with a bad field', () => {
    expect(mqttSourceOf({ ...mqtt, brokerUrl: 'mqtt://broker:1883', mapping })).toEqual({ ok: false, error: 'sensors.connection.badBrokerUrl' });
    expect(mqttSourceOf(mqtt)).toEqual({ ok: false, error: 'sensors.connection.noSubscription' });
    expect(() => mqttSourceOf({ ...mqtt, mapping: { datastreams: [{ topic: 'a/#/b' }] } })).toThrow(/datastreams\[0\]\.topic/);
    expect(sensorThingsSourceOf({ name: '', serviceUrl: 'example.org/v1.1', brokerUrl: '', pollSeconds: 60 })).toEqual({ ok: false, error: 'sensors.connection.badServiceUrl' });
  });

  it('a SensorThings service without a broker is polled, never faster than every 5 s', () => {
    const result = sensorThingsSourceOf({ name: 'FROST', serviceUrl: 'http://127.0.0.1:8080/FROST-Server/v1.1', brokerUrl: '', pollSeconds: 1 });
    expect(result.ok && result.config).toMatchObject({ kind: 'sensorthings', name: 'FROST', brokerUrl: null, pollSeconds: 5 });
  });
});
