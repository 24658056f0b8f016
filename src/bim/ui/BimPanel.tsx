import { lazy, memo, Suspense, useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { useBimViewStore } from './bimViewStore';
import { ManualPlacement } from './ManualPlacement';
import { ModelCard, STATUS_TEXT } from './ModelCard';
import { DEMO_SUBMISSION_URL, openModel, openSubmission } from './openModels';
import { PlacementCard } from './PlacementCard';
import { SelectedElement } from './SelectedElement';
import { SubmissionCard } from './SubmissionCard';
import { useFileDrop } from './useFileDrop';
import { ReviewPanel } from '../review/ui/ReviewPanel';
import { SavedSubmissions } from '../review/ui/record/SavedSubmissions';
import { useReviewStore } from '../../state/reviewStore';
import './bimPanel.css';

/** The spatial tree and its search, isolate and hide (the inspector's), under this panel. */
const ModelTreePanel = lazy(() => import('../inspector/ModelTreePanel'));

/** The tree re-renders when its own state changes, not with every progress report the panel shows. */
const ModelTree = memo(function ModelTree({ modelId }: { modelId: string }) {
  const t = useT();
  return (
    <Suspense fallback={<p className="hint">{t('bim.inspector.loading')}</p>}>
      <ModelTreePanel modelId={modelId} />
    </Suspense>
  );
});

/** The active model: its status for assistive technology, the detailed-view switch and its cards. */
function ActiveModel({ modelId }: { modelId: string }) {
  const t = useT();
  const model = useBimStore((s) => s.models[modelId]);
  const inspectorOpen = useBimViewStore((s) => s.inspectorOpen);
  const submissionId = useReviewStore((s) => Object.keys(s.modelOfSubmission).find((id) => s.modelOfSubmission[id] === modelId));
  if (!model) return null;
  return (
    <div className="bim-active" data-testid="bim-active" data-model-id={modelId}>
      <p className="visually-hidden" data-testid="bim-model-status" data-status={model.status} aria-live="polite">
        {model.fileName}: {t(STATUS_TEXT[model.status])}
      </p>
      {model.chunkCount > 0 && (
        <button type="button" aria-pressed={inspectorOpen} data-testid="bim-open-inspector"
          onClick={() => useBimViewStore.getState().showInspector(!inspectorOpen)}>
          {t('bim.inspector.show')}
        </button>
      )}
      <SubmissionCard modelId={modelId} />
      <PlacementCard model={model} />
      <ManualPlacement model={model} />
      <SelectedElement />
      {submissionId && <ReviewPanel submissionId={submissionId} modelId={modelId} />}
    </div>
  );
}

/**
 * The Thẩm định BIM panel (lazy-loaded): open an IFC file (button, drop, or the demo submission in one click),
 * the open models with their progress, and for the active model its placement — by hand when the file has none —
 * and the selected element.
 */
export default function BimPanel() {
  const t = useT();
  const modelIds = useBimStore(useShallow((s) => Object.keys(s.models)));
  const activeId = useBimStore((s) => s.activeModelId);
  // The tree shows a loaded model: while one streams in, it would be rebuilt with every chunk.
  const activeLoaded = useBimStore((s) => (s.activeModelId ? s.models[s.activeModelId]?.status === 'ready' : false));
  const input = useRef<HTMLInputElement>(null);
  const [demo, setDemo] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const openFiles = useCallback((files: File[]) => files.forEach((file) => openModel(file)), []);
  const dragging = useFileDrop(openFiles);

  const openDemo = () => {
    setDemo({ loading: true, error: null });
    openSubmission(DEMO_SUBMISSION_URL).then(
      () => setDemo({ loading: false, error: null }),
      (error: unknown) => setDemo({ loading: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <>
      <section className="panel bim-panel" aria-labelledby="bim-title" data-testid="bim-panel">
        <h3 id="bim-title">{t('bim.title')}</h3>
        <div className="bim-open">
          <button type="button" className="bim-primary" data-testid="bim-open" onClick={() => input.current?.click()}>{t('bim.open')}</button>
          <input ref={input} type="file" accept=".ifc,.IFC" multiple hidden data-testid="bim-file-input"
            onChange={(event) => {
              openFiles([...(event.target.files ?? [])]);
              event.target.value = '';
            }} />
          <button type="button" data-testid="bim-open-demo" disabled={demo.loading} onClick={openDemo}>
            {demo.loading ? t('bim.demo.loading') : t('bim.openDemo')}
          </button>
        </div>
        <p className="bim-hint">{t('bim.dropHint')}</p>
        <SavedSubmissions />
        {demo.error && <p className="bim-error" role="alert" data-testid="bim-demo-error">{t('bim.demo.failed', { detail: demo.error })}</p>}
        {modelIds.length > 0 && (
          <ul className="bim-models" aria-labelledby="bim-title">
            {modelIds.map((id) => <ModelCard key={id} modelId={id} active={id === activeId} />)}
          </ul>
        )}
        {activeId && <ActiveModel modelId={activeId} />}
        {dragging && (
          <div className="bim-drop-overlay" aria-hidden="true">
            <p>{t('bim.dropOverlay')}</p>
          </div>
        )}
      </section>
      {activeId && activeLoaded && <ModelTree key={activeId} modelId={activeId} />}
    </>
  );
}
