import { useLayerStore, useSelectionStore, useViewStore, type FeatureAttribute } from '../state';
import { isMessageKey } from './i18n';
import { useT } from './useT';

function AttributeRow({ attribute }: { attribute: FeatureAttribute }) {
  const t = useT();
  const labelKey = `prop.${attribute.name}`;
  const label = isMessageKey(labelKey) ? t(labelKey) : attribute.name;
  // Coded values (height source, OSM building type) are shown in words where the dictionary knows them.
  const valueKey = `${attribute.name}.${String(attribute.value)}`;
  const value = isMessageKey(valueKey) ? t(valueKey) : String(attribute.value);
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === '' ? '—' : value}</dd>
    </>
  );
}

export function FeatureInfo() {
  const t = useT();
  const picked = useSelectionStore((s) => s.picked);
  const pick = useSelectionStore((s) => s.pick);
  const lang = useViewStore((s) => s.lang);
  const layer = useLayerStore((s) => s.layers.find((l) => l.spec.id === picked?.layerId));
  return (
    <section className="panel" aria-labelledby="info-title" aria-live="polite" data-testid="feature-info">
      <div className="panel-head">
        <h2 id="info-title">{t('info.title')}</h2>
        {picked && (
          <button type="button" onClick={() => pick(null)}>
            {t('info.close')}
          </button>
        )}
      </div>
      {picked ? (
        <dl className="attributes">
          <dt>{t('info.layer')}</dt>
          <dd>{layer?.spec.title[lang] ?? picked.layerId}</dd>
          {picked.attributes.map((a) => (
            <AttributeRow key={a.name} attribute={a} />
          ))}
        </dl>
      ) : (
        <p className="hint">{t('info.empty')}</p>
      )}
    </section>
  );
}
