import { lazy, Suspense, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../app/useT';
import { useBimStore, useViewStore } from '../../state';
import { useBimViewStore } from './bimViewStore';
import './inspectorPane.css';

/** three.js and the inspector load only when a model is open in Thẩm định BIM (not in the first screen's JS). */
const InspectorView = lazy(() => import('../inspector/InspectorView'));

const KEY_STEP = 0.05;

/**
 * The detailed view of the active model, beside the Cesium scene in the map area, behind a separator that drags
 * or steps with the arrow keys (WAI-ARIA window splitter). Shown once the model has geometry.
 */
export function InspectorPane() {
  const t = useT();
  const inBim = useViewStore((s) => s.workspace === 'bim');
  const modelId = useBimStore((s) => s.activeModelId);
  const hasGeometry = useBimStore((s) => (modelId ? (s.models[modelId]?.chunkCount ?? 0) > 0 : false));
  const open = useBimViewStore((s) => s.inspectorOpen);
  const share = useBimViewStore((s) => s.inspectorShare);
  const pane = useRef<HTMLDivElement>(null);
  if (!inBim || !modelId || !hasGeometry || !open) return null;

  const { setInspectorShare } = useBimViewStore.getState();
  const onKey = (event: KeyboardEvent) => {
    const step = { ArrowLeft: KEY_STEP, ArrowRight: -KEY_STEP, Home: 1, End: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    setInspectorShare(share + step);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const area = pane.current?.parentElement?.getBoundingClientRect();
    if (!area) return;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => setInspectorShare((area.right - e.clientX) / area.width);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const percent = Math.round(share * 100);
  return (
    <>
      <div className="inspector-split" role="separator" aria-orientation="vertical" aria-controls="inspector-pane" tabIndex={0}
        aria-label={t('bim.inspector.resize')} aria-valuemin={20} aria-valuemax={80} aria-valuenow={percent}
        onKeyDown={onKey} onPointerDown={onPointerDown} data-testid="inspector-split" />
      <div ref={pane} id="inspector-pane" className="inspector-pane" style={{ flexBasis: `${percent}%` }}>
        <Suspense fallback={<p className="hint">{t('bim.inspector.loading')}</p>}>
          <InspectorView key={modelId} modelId={modelId} />
        </Suspense>
      </div>
    </>
  );
}
