import { useId, useState } from 'react';
import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { hideElements, isolateElements, showAllElements } from './bimSelection';
import { elementIdsUnder, type ModelTree } from './modelTree';
import { useNodeLabel } from './TreeView';

interface Choice {
  label: string;
  ids: number[];
}

/** One line: a choice (class or storey) with Isolate and Hide buttons. */
function ChoiceRow({ title, choices, modelId, testId }: { title: string; choices: Choice[]; modelId: string; testId: string }) {
  const t = useT();
  const id = useId();
  const [index, setIndex] = useState(0);
  const choice = choices[Math.min(index, choices.length - 1)];
  if (!choice) return null;
  return (
    <div className="inspector-row" data-testid={testId}>
      <label htmlFor={id}>{title}</label>
      <select id={id} value={index} onChange={(event) => setIndex(Number(event.target.value))}>
        {choices.map((c, i) => (
          <option key={c.label} value={i}>
            {c.label} ({c.ids.length})
          </option>
        ))}
      </select>
      <button type="button" aria-label={t('inspector.isolateNamed', { name: choice.label })} onClick={() => isolateElements(modelId, choice.ids)} data-action="isolate">
        {t('inspector.isolate')}
      </button>
      <button type="button" aria-label={t('inspector.hideNamed', { name: choice.label })} onClick={() => hideElements(modelId, choice.ids)} data-action="hide">
        {t('inspector.hide')}
      </button>
    </div>
  );
}

/** Isolate or hide by IFC class or by storey, or the selected element; show all again. */
export function VisibilityControls({ tree, modelId }: { tree: ModelTree; modelId: string }) {
  const t = useT();
  const label = useNodeLabel();
  const active = useBimStore((s) => s.activeModelId === modelId);
  const hidden = useBimStore((s) => (active ? s.hiddenElementIds.size : 0));
  const isolated = useBimStore((s) => (active ? (s.isolatedElementIds?.size ?? null) : null));
  const selected = useBimStore((s) => (active ? s.selectedElementId : null));
  const classes = tree.classes.map((c) => ({ label: c.ifcClass, ids: c.elementIds }));
  const storeys = tree.storeys.map((node) => ({ label: label(node), ids: elementIdsUnder(node) }));
  const selectedIds = selected !== null && tree.keyOf.has(selected) ? elementIdsUnder(tree.byKey.get(tree.keyOf.get(selected)!)!) : [];
  return (
    <fieldset className="inspector-visibility" data-testid="inspector-visibility">
      <legend>{t('inspector.visibility')}</legend>
      <ChoiceRow title={t('inspector.visibility.class')} choices={classes} modelId={modelId} testId="inspector-visibility-class" />
      <ChoiceRow title={t('inspector.visibility.storey')} choices={storeys} modelId={modelId} testId="inspector-visibility-storey" />
      <div className="inspector-row">
        <span>{t('inspector.visibility.selected')}</span>
        <button type="button" disabled={selectedIds.length === 0} onClick={() => isolateElements(modelId, selectedIds)} data-testid="inspector-isolate-selected">
          {t('inspector.isolate')}
        </button>
        <button type="button" disabled={selectedIds.length === 0} onClick={() => hideElements(modelId, selectedIds)} data-testid="inspector-hide-selected">
          {t('inspector.hide')}
        </button>
        <button type="button" disabled={hidden === 0 && isolated === null} onClick={() => showAllElements(modelId)} data-testid="inspector-show-all">
          {t('inspector.showAll')}
        </button>
      </div>
      <p className="inspector-hint" role="status" data-testid="inspector-visibility-state">
        {[hidden > 0 ? t('inspector.visibility.state', { hidden }) : '', isolated !== null ? t('inspector.visibility.isolated', { isolated }) : '']
          .filter(Boolean)
          .join(' · ')}
      </p>
    </fieldset>
  );
}
