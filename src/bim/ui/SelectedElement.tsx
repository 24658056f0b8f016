import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { ifcModels } from '../modelRegistry';

/** The element picked in the scene or the tree: GlobalId, IFC class, name and the model it belongs to. */
export function SelectedElement() {
  const t = useT();
  const modelId = useBimStore((s) => s.activeModelId);
  const expressId = useBimStore((s) => s.selectedElementId);
  const fileName = useBimStore((s) => (modelId ? s.models[modelId]?.fileName : undefined));
  const element = modelId !== null && expressId !== null ? ifcModels.get(modelId)?.elementsById.get(expressId) : undefined;
  return (
    <section className="bim-card" aria-labelledby="bim-element-title" aria-live="polite" data-testid="bim-element"
      data-express-id={element?.expressId}>
      <div className="panel-head">
        <h3 id="bim-element-title">{t('bim.element.title')}</h3>
        {element && (
          <button type="button" onClick={() => useBimStore.getState().select(null)}>{t('bim.element.clear')}</button>
        )}
      </div>
      {element ? (
        <dl className="attributes">
          <dt>{t('bim.element.globalId')}</dt>
          <dd data-testid="bim-element-globalid"><code>{element.globalId}</code></dd>
          <dt>{t('bim.element.class')}</dt>
          <dd data-testid="bim-element-class">{element.ifcClass}</dd>
          <dt>{t('bim.element.name')}</dt>
          <dd>{element.name ?? '—'}</dd>
          <dt>{t('bim.element.model')}</dt>
          <dd>{fileName}</dd>
        </dl>
      ) : (
        <p className="bim-hint">{t('bim.element.none')}</p>
      )}
    </section>
  );
}
