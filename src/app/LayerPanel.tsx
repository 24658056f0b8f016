import { useLayerStore, useViewStore, type LayerState } from '../state';
import type { MessageKey } from './i18n';
import { useRender, useT } from './useT';

const STATE_LABEL: Record<LayerState['status'], MessageKey> = {
  idle: 'layers.state.idle',
  loading: 'layers.state.loading',
  ready: 'layers.state.ready',
  error: 'layers.state.error',
};

function LayerRow({ layer }: { layer: LayerState }) {
  const t = useT();
  const renderMessage = useRender();
  const lang = useViewStore((s) => s.lang);
  const { setVisible, setOpacity, requestZoom } = useLayerStore.getState();
  const { id } = layer.spec;
  const name = layer.spec.title[lang];
  const percent = Math.round(layer.opacity * 100);
  return (
    <li className="layer" data-testid={`layer-${id}`} data-state={layer.status}>
      <div className="layer-head">
        <label className="layer-name">
          <input
            type="checkbox"
            data-testid={`layer-toggle-${id}`}
            checked={layer.visible}
            onChange={(e) => setVisible(id, e.target.checked)}
          />
          <span>{name}</span>
        </label>
        <span className={`layer-state state-${layer.status}`}>{t(STATE_LABEL[layer.status])}</span>
      </div>
      <div className="layer-controls">
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={percent}
          data-testid={`layer-opacity-${id}`}
          aria-label={t('layers.opacity', { name })}
          aria-valuetext={`${percent}%`}
          onChange={(e) => setOpacity(id, Number(e.target.value) / 100)}
        />
        <button
          type="button"
          data-testid={`layer-zoom-${id}`}
          aria-label={t('layers.zoomTo', { name })}
          disabled={!layer.visible || layer.status !== 'ready'}
          onClick={() => requestZoom(id)}
        >
          {t('layers.zoom')}
        </button>
      </div>
      {layer.error && (
        <p className="layer-error" role="alert" data-testid={`layer-error-${id}`}>
          {renderMessage(layer.error)}
        </p>
      )}
    </li>
  );
}

export function LayerPanel() {
  const t = useT();
  const layers = useLayerStore((s) => s.layers);
  // Drawn bottom-up, listed top-down: the topmost layer comes first, as in every GIS.
  const listed = [...layers].reverse();
  return (
    <section className="panel" aria-labelledby="layers-title">
      <h2 id="layers-title">{t('layers.title')}</h2>
      <ul className="layer-list">
        {listed.map((layer) => (
          <LayerRow key={layer.spec.id} layer={layer} />
        ))}
      </ul>
    </section>
  );
}
