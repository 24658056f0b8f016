import { useId, useState } from 'react';
import { useT } from '../../../app/useT';
import { useViewStore } from '../../../state';
import { useSensorStore } from '../../../state/sensorStore';
import { SourceError } from '../../SourceError';
import type { SensorSourceConfig } from '../../sources/sourceConfig';
import { mqttSourceOf, sensorThingsSourceOf, type FormResult } from './sourceForms';
import { SourceRow } from './SourceRow';
import './connection.css';

/**
 * The sensor sources of the Vận hành workspace (issue 5 §1–2): the embedded replay, MQTT brokers (plain JSON by a
 * mapping file, NGSI-LD, SensorThings MQTT) and SensorThings services, each with its live connection state. Changes
 * are saved locally and the ingestion worker restarts only the sources that changed.
 */
export function ConnectionSettings() {
  const t = useT();
  const id = useId();
  const sources = useSensorStore((s) => s.sources);
  const upsert = useSensorStore((s) => s.upsertSource);
  const remove = useSensorStore((s) => s.removeSource);
  return (
    <section className="sensors-section sensors-connection" aria-labelledby={`${id}-title`} data-testid="sensor-sources">
      <h4 id={`${id}-title`}>{t('sensors.connection')}</h4>
      {sources.length === 0 && <p className="hint">{t('sensors.connection.none')}</p>}
      <ul className="sensors-sources">
        {sources.map((source) => (
          <SourceRow key={source.id} source={source} onToggle={(enabled) => upsert({ ...source, enabled } as SensorSourceConfig)} onRemove={() => remove(source.id)} />
        ))}
      </ul>
      <MqttForm />
      <SensorThingsForm />
    </section>
  );
}

/** Adds a live source; unless asked to keep it, the replay stops (it is the default only when nothing else is set). */
function useAddSource() {
  const sources = useSensorStore((s) => s.sources);
  const setSources = useSensorStore((s) => s.setSources);
  return (config: SensorSourceConfig, keepReplay: boolean) =>
    setSources([...sources.map((s) => (s.kind === 'replay' && !keepReplay ? { ...s, enabled: false } : s)), config]);
}

function useFormError() {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const [error, setError] = useState<string | null>(null);
  const attempt = <T,>(make: () => FormResult<T>, onOk: (config: T) => void) => {
    try {
      const result = make();
      if (result.ok) {
        setError(null);
        onOk(result.config);
      } else setError(t(result.error));
    } catch (caught) {
      setError(caught instanceof SourceError ? caught.userMessage[lang] : String(caught));
    }
  };
  return { error, setError, attempt };
}

function MqttForm() {
  const t = useT();
  const id = useId();
  const add = useAddSource();
  const { error, setError, attempt } = useFormError();
  const [draft, setDraft] = useState({ name: '', brokerUrl: 'ws://127.0.0.1:9001', ngsiTopic: '', staTopic: '', keepReplay: false });
  const [mapping, setMapping] = useState<{ file: string; json: unknown } | null>(null);

  const readFile = async (file: File) => {
    try {
      setMapping({ file: file.name, json: JSON.parse(await file.text()) });
      setError(null);
    } catch (caught) {
      setMapping(null);
      setError(t('sensors.connection.badMappingJson', { file: file.name, detail: String(caught) }));
    }
  };
  const loadDemoMapping = async () => {
    const url = new URL('demo/sensors/storm-mqtt-mapping.json', new URL(import.meta.env.BASE_URL, window.location.href));
    setMapping({ file: 'storm-mqtt-mapping.json', json: await (await fetch(url)).json() });
  };
  const mappingCount = mapping && typeof mapping.json === 'object' && mapping.json !== null && Array.isArray((mapping.json as { datastreams?: unknown }).datastreams) ? (mapping.json as { datastreams: unknown[] }).datastreams.length : 0;

  return (
    <form
      className="sensors-form"
      aria-labelledby={`${id}-title`}
      data-testid="add-mqtt-source"
      onSubmit={(event) => {
        event.preventDefault();
        attempt(() => mqttSourceOf({ ...draft, mapping: mapping?.json ?? null }), (config) => add(config, draft.keepReplay));
      }}
    >
      <h5 id={`${id}-title`}>{t('sensors.connection.addMqtt')}</h5>
      <label>{t('sensors.connection.name')}<input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
      <label>{t('sensors.connection.brokerUrl')}<input value={draft.brokerUrl} onChange={(e) => setDraft({ ...draft, brokerUrl: e.target.value })} aria-invalid={error === t('sensors.connection.badBrokerUrl')} data-testid="mqtt-broker-url" /></label>
      <label>{t('sensors.connection.mapping')}<input type="file" accept="application/json,.json" onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])} /></label>
      <button type="button" onClick={() => void loadDemoMapping()} data-testid="mqtt-demo-mapping">{t('sensors.connection.mappingDemo')}</button>
      {mapping && <p className="hint">{t('sensors.connection.mappingLoaded', { count: mappingCount, file: mapping.file })}</p>}
      <label>{t('sensors.connection.ngsiTopic')}<input value={draft.ngsiTopic} placeholder="ngsi-ld/notify" onChange={(e) => setDraft({ ...draft, ngsiTopic: e.target.value })} /></label>
      <label>{t('sensors.connection.staTopic')}<input value={draft.staTopic} placeholder="v1.1/#" onChange={(e) => setDraft({ ...draft, staTopic: e.target.value })} /></label>
      <label className="sensors-check"><input type="checkbox" checked={draft.keepReplay} onChange={(e) => setDraft({ ...draft, keepReplay: e.target.checked })} />{t('sensors.connection.keepReplay')}</label>
      {error && <p className="sensors-error" role="alert">{error}</p>}
      <button type="submit" data-testid="mqtt-add">{t('sensors.connection.add')}</button>
    </form>
  );
}

function SensorThingsForm() {
  const t = useT();
  const id = useId();
  const add = useAddSource();
  const { error, attempt } = useFormError();
  const [draft, setDraft] = useState({ name: '', serviceUrl: '', brokerUrl: '', pollSeconds: 60, keepReplay: false });
  return (
    <form
      className="sensors-form"
      aria-labelledby={`${id}-title`}
      data-testid="add-sta-source"
      onSubmit={(event) => {
        event.preventDefault();
        attempt(() => sensorThingsSourceOf(draft), (config) => add(config, draft.keepReplay));
      }}
    >
      <h5 id={`${id}-title`}>{t('sensors.connection.addSta')}</h5>
      <label>{t('sensors.connection.name')}<input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
      <label>{t('sensors.connection.serviceUrl')}<input value={draft.serviceUrl} placeholder="http://127.0.0.1:8080/FROST-Server/v1.1" onChange={(e) => setDraft({ ...draft, serviceUrl: e.target.value })} /></label>
      <label>{t('sensors.connection.staBrokerUrl')}<input value={draft.brokerUrl} placeholder="ws://127.0.0.1:9876" onChange={(e) => setDraft({ ...draft, brokerUrl: e.target.value })} /></label>
      <label>{t('sensors.connection.pollSeconds')}<input type="number" min={5} value={draft.pollSeconds} onChange={(e) => setDraft({ ...draft, pollSeconds: Number(e.target.value) })} /></label>
      <label className="sensors-check"><input type="checkbox" checked={draft.keepReplay} onChange={(e) => setDraft({ ...draft, keepReplay: e.target.checked })} />{t('sensors.connection.keepReplay')}</label>
      {error && <p className="sensors-error" role="alert">{error}</p>}
      <button type="submit">{t('sensors.connection.add')}</button>
    </form>
  );
}
