import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useT } from '../../app/useT';
import { selectElement } from './bimSelection';
import { searchNodes } from './elementSearch';
import type { ModelTree } from './modelTree';
import { useNodeLabel } from './TreeView';

const SHOWN = 50;

/** Search by GlobalId, name or IFC class; choosing a result selects the element (and the tree reveals it). */
export function SearchBox({ tree, modelId }: { tree: ModelTree; modelId: string }) {
  const t = useT();
  const label = useNodeLabel();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const nodes = useMemo(() => [...tree.byKey.values()], [tree]);
  const outcome = useMemo(() => searchNodes(nodes, deferred, SHOWN), [nodes, deferred]);
  const choose = (expressId: number | null) => expressId !== null && selectElement(modelId, expressId);
  return (
    <div className="inspector-search" role="search">
      <label htmlFor={inputId}>{t('inspector.search.label')}</label>
      <input
        id={inputId}
        type="search"
        value={query}
        autoComplete="off"
        spellCheck={false}
        data-testid="inspector-search"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') choose(outcome.results[0]?.node.expressId ?? null);
        }}
      />
      {deferred.trim() !== '' && (
        <div className="inspector-search-results">
          <p className="inspector-hint" role="status" data-testid="inspector-search-count">
            {outcome.total === 0 ? t('inspector.search.none') : t('inspector.search.results', { shown: outcome.results.length, total: outcome.total })}
          </p>
          <ul data-testid="inspector-search-results">
            {outcome.results.map(({ node, field }) => (
              <li key={node.key}>
                <button type="button" onClick={() => choose(node.expressId)} data-express-id={node.expressId ?? undefined}>
                  <span className="inspector-result-name">{label(node)}</span>
                  <span className="inspector-result-meta">
                    {node.ifcClass} · {t(`inspector.search.field.${field}`)}: {field === 'globalId' ? node.globalId : field === 'name' ? node.name : node.ifcClass}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
