import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { ifcModels } from '../modelRegistry';
import { selectElement } from './bimSelection';
import { InspectorToolbar } from './InspectorToolbar';
import { INITIAL_TOOLS, toolReducer } from './inspectorTools';
import { MeasurementList } from './MeasurementList';
import { SectionList } from './SectionList';
import { installInspectorTestHook } from './testHook';
import { useMeasurementValue, useNumber } from './useInspectorText';
import type { SurfaceHit } from './surfacePick';
import type { Vec3 } from './vec3';
import { InspectorScene } from './view/InspectorScene';
import './inspector.css';

/** Keeps the scene in step with the shared store: new chunks, selection, hidden and isolated elements. */
function useStoreSync(scene: InspectorScene | null, modelId: string): void {
  useEffect(() => {
    if (!scene) return;
    const apply = (s: ReturnType<typeof useBimStore.getState>) => {
      const active = s.activeModelId === modelId;
      scene.setVisibility(active ? s.hiddenElementIds : new Set(), active ? s.isolatedElementIds : null);
      scene.setSelection(active ? s.selectedElementId : null);
    };
    const model = ifcModels.get(modelId);
    if (model) scene.setModel(model);
    apply(useBimStore.getState());
    return useBimStore.subscribe((s, prev) => {
      if (s.models[modelId] !== prev.models[modelId]) {
        const current = ifcModels.get(modelId);
        if (current) scene.setModel(current);
      }
      if (s.activeModelId !== prev.activeModelId || s.hiddenElementIds !== prev.hiddenElementIds || s.isolatedElementIds !== prev.isolatedElementIds) apply(s);
      else if (s.selectedElementId !== prev.selectedElementId) scene.setSelection(s.activeModelId === modelId ? s.selectedElementId : null);
    });
  }, [scene, modelId]);
}

/**
 * The detailed three.js view of one IFC model (lazy-loaded): orbit, pick to select, section planes, distance,
 * height and area measurement. Fills its parent.
 */
export default function InspectorView({ modelId }: { modelId: string }) {
  const t = useT();
  const keysId = useId();
  const titleId = useId();
  const model = useBimStore((s) => s.models[modelId]);
  const [tools, dispatch] = useReducer(toolReducer, INITIAL_TOOLS);
  const host = useRef<HTMLDivElement>(null);
  const [scene, setScene] = useState<InspectorScene | null>(null);
  const [bounds, setBounds] = useState<{ min: Vec3; max: Vec3 } | null>(null);
  const [renderError, setRenderError] = useState<string | null>(null);
  const valueOf = useMeasurementValue();
  const number = useNumber();
  const onClick = useRef<(hit: SurfaceHit | null) => void>(() => undefined);

  onClick.current = (hit) => {
    if (tools.tool === 'select') selectElement(modelId, hit?.expressId ?? null);
    else if (hit) dispatch({ type: 'hit', hit, mesh: scene?.chunkArrays(hit.chunkIndex) ?? null });
  };

  useEffect(() => {
    const created = new InspectorScene(host.current!, {
      onSurfaceClick: (hit) => onClick.current(hit),
      onFinish: () => dispatch({ type: 'finish' }),
      onEscape: () => dispatch({ type: 'escape' }),
      onChunksShown: () => setBounds(created.modelBounds()),
      onRenderFailed: setRenderError,
    });
    setScene(created);
    const removeHook = installInspectorTestHook(created, modelId);
    return () => {
      removeHook();
      created.dispose();
      setScene(null);
    };
  }, [modelId]);

  useStoreSync(scene, modelId);
  useEffect(() => scene?.setSections(tools.sections), [scene, tools.sections]);
  useEffect(() => scene?.setMeasurements(tools.measurements, tools.pending, valueOf), [scene, tools.measurements, tools.pending, valueOf]);
  const header = ifcModels.get(modelId)?.header ?? null;
  const name = header?.projectName ?? model?.fileName ?? modelId;
  const unverified = model?.placement?.trust === 'unverified';
  const statusText = !model
    ? t('inspector.noModel')
    : model.status === 'loading'
      ? t('inspector.loading', { chunks: model.chunkCount })
      : model.status === 'ready'
        ? t('inspector.ready', { elements: header?.elements.length ?? 0, triangles: number(model.stats?.triangles ?? 0, 0) })
        : t('inspector.failed');
  const hint = tools.tool === 'polygonArea' ? t('inspector.hint.polygonArea', { n: tools.pending.length }) : t(`inspector.hint.${tools.tool}`);

  return (
    <section className="inspector-view" aria-labelledby={titleId} data-testid="inspector-view">
      <header className="inspector-head">
        <h3 id={titleId}>
          {t('inspector.title')}: <span className="inspector-model-name" data-testid="inspector-model-name">{name}</span>
        </h3>
        {unverified && (
          <span className="inspector-badge" title={t('inspector.unverifiedHint')} data-testid="inspector-unverified">
            {t('inspector.unverified')}
          </span>
        )}
        <span className="inspector-status" role="status" data-testid="inspector-status" data-status={model?.status ?? 'none'}>
          {statusText}
        </span>
      </header>
      <InspectorToolbar state={tools} dispatch={dispatch} bounds={bounds} onFit={() => scene?.fit()} />
      {renderError && (
        <p className="inspector-error" role="alert" data-testid="inspector-render-error">
          {t('inspector.renderFailed', { detail: renderError })}
        </p>
      )}
      <p className="inspector-hint" aria-live="polite" data-testid="inspector-hint">
        {hint}
      </p>
      <div className="inspector-body">
        <div
          ref={host}
          className="inspector-stage"
          tabIndex={0}
          role="application"
          aria-label={t('inspector.canvas')}
          aria-describedby={keysId}
          data-testid="inspector-stage"
          data-tool={tools.tool}
        />
        {(tools.sections.length > 0 || tools.measurements.length > 0) && (
          <div className="inspector-side">
            {tools.sections.length > 0 && (
              <SectionList sections={tools.sections} dispatch={dispatch} bounds={bounds} offset={header?.geometryOffset ?? [0, 0, 0]} />
            )}
            {tools.measurements.length > 0 && <MeasurementList measurements={tools.measurements} dispatch={dispatch} />}
          </div>
        )}
      </div>
      <p id={keysId} className="inspector-keys">
        {t('inspector.keys')}
      </p>
    </section>
  );
}
