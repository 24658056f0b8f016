import { useDeferredValue, useMemo } from 'react';
import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { ifcModels } from '../modelRegistry';
import { buildModelTree } from './modelTree';
import { PropertiesView } from './PropertiesView';
import { SearchBox } from './SearchBox';
import { TreeView } from './TreeView';
import { VisibilityControls } from './VisibilityControls';
import './inspector.css';

/**
 * The model's spatial tree with element counts, search, hide / isolate and the selected element's properties
 * (lazy-loaded). Everything it selects, hides or isolates goes through the shared bim store.
 */
export default function ModelTreePanel({ modelId }: { modelId: string }) {
  const t = useT();
  // The header arrives before any chunk; re-read the registry whenever the model's state moves on.
  const phase = useBimStore((s) => `${s.models[modelId]?.status}:${s.models[modelId]?.phase}:${(s.models[modelId]?.chunkCount ?? 0) > 0}`);
  const header = useMemo(() => ifcModels.get(modelId)?.header ?? null, [modelId, phase]);
  // Built in a background render: the loader's message that brings the header must not wait for the tree.
  const deferredHeader = useDeferredValue(header, null);
  const tree = useMemo(() => (deferredHeader ? buildModelTree(deferredHeader) : null), [deferredHeader]);
  return (
    <section className="panel inspector-tree-panel" aria-labelledby="inspector-tree-title" data-testid="inspector-tree-panel">
      <h3 id="inspector-tree-title">{t('inspector.tree.title')}</h3>
      {!tree ? (
        <p className="inspector-hint" role="status">
          {t('inspector.tree.waiting')}
        </p>
      ) : (
        <>
          <SearchBox tree={tree} modelId={modelId} />
          <VisibilityControls tree={tree} modelId={modelId} />
          <TreeView key={modelId} tree={tree} modelId={modelId} />
          <p className="inspector-keys">{t('inspector.tree.keys')}</p>
          <PropertiesView tree={tree} modelId={modelId} />
        </>
      )}
    </section>
  );
}
