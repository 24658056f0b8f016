import { useRef, useState } from 'react';
import { useT } from '../../../../app/useT';
import { useBimStore, useViewStore } from '../../../../state';
import type { IdsFailingElement } from '../../../ids/types';
import { useBimViewStore } from '../../../ui/bimViewStore';

/** Elements listed before "show all N": a wall requirement on a large model fails thousands. */
const SHOWN_FIRST = 10;

interface FailingElementsProps {
  /** What they fail (the requirement in words), for the list's name. */
  label: string;
  failures: readonly IdsFailingElement[];
  modelId: string;
}

/** Selects the element in every view (tree, inspector, Cesium) and flies the city camera to it. */
function showElement(modelId: string, expressId: number): void {
  const bim = useBimStore.getState();
  // An isolation that leaves the element out would hide what was asked for.
  if (bim.isolatedElementIds && !bim.isolatedElementIds.has(expressId)) bim.isolate(null);
  bim.select(expressId);
  useBimViewStore.getState().flyToElement(modelId, expressId);
}

/**
 * The elements that fail one requirement (or that a prohibited specification finds): GlobalId, class, name and
 * the reason; each is one click from being shown in the 3D views, and all of them can be isolated at once.
 */
export function FailingElements({ label, failures, modelId }: FailingElementsProps) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const selected = useBimStore((s) => s.selectedElementId);
  const isolated = useBimStore((s) => s.isolatedElementIds);
  // The set this list isolated: pressed while the views still show only it, and pressing again shows all.
  const isolation = useRef<ReadonlySet<number> | null>(null);
  const pressed = isolated !== null && isolated === isolation.current;
  const [all, setAll] = useState(false);
  const shown = all ? failures : failures.slice(0, SHOWN_FIRST);
  // One requirement usually fails for one reason: said once above the list rather than under every element.
  const shared = failures.every((failure) => failure.reason.en === failures[0]?.reason.en) ? failures[0]?.reason : undefined;
  return (
    <div className="review-ids-failing">
      <button type="button" data-testid="review-ids-isolate" aria-pressed={pressed}
        onClick={() => {
          isolation.current = pressed ? null : new Set(failures.map((failure) => failure.expressId));
          useBimStore.getState().isolate(isolation.current);
        }}>
        {t('review.ids.isolate', { n: failures.length })}
      </button>
      {shared && <p className="bim-hint" data-testid="review-ids-reason">{shared[lang]}</p>}
      <ul className="review-ids-elements" aria-label={label}>
        {shown.map((failure) => (
          <li key={failure.expressId}>
            <button type="button" className="review-ids-element" data-testid="review-ids-element" title={t('review.ids.elementHint')}
              data-express-id={failure.expressId} data-global-id={failure.globalId ?? ''} aria-pressed={selected === failure.expressId}
              onClick={() => showElement(modelId, failure.expressId)}>
              <code>{failure.globalId ?? '—'}</code> <span>{failure.ifcClass}</span> <span>{failure.name ?? '—'}</span>
            </button>
            {!shared && <p className="bim-hint">{failure.reason[lang]}</p>}
          </li>
        ))}
      </ul>
      {shown.length < failures.length && (
        <button type="button" data-testid="review-ids-show-all" onClick={() => setAll(true)}>{t('review.ids.showAll', { n: failures.length })}</button>
      )}
    </div>
  );
}
