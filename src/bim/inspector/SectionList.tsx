import type { Dispatch } from 'react';
import { useT } from '../../app/useT';
import type { ToolAction } from './inspectorTools';
import { axisIndex, type SectionPlane } from './sectionPlanes';
import { useNumber } from './useInspectorText';
import type { Vec3 } from './vec3';

interface Props {
  sections: readonly SectionPlane[];
  dispatch: Dispatch<ToolAction>;
  bounds: { min: Vec3; max: Vec3 } | null;
  /** Added to model-frame positions to show project coordinates. */
  offset: Vec3;
}

const STEP = 0.01;

/** The section planes in use (shown when there is one): position or inward offset on a slider, flip, remove, clear all. */
export function SectionList({ sections, dispatch, bounds, offset }: Props) {
  const t = useT();
  const number = useNumber();
  const diagonal = bounds ? Math.hypot(...bounds.max.map((v, i) => v - bounds.min[i]!)) : 1;
  let freeCount = 0;
  return (
    <section className="inspector-list" aria-labelledby="inspector-sections-title" data-testid="inspector-sections">
      <h4 id="inspector-sections-title">{t('inspector.sections')}</h4>
      {sections.map((section) => {
        const title = section.kind === 'axis'
          ? t('inspector.section.axis', { axis: section.axis.toUpperCase() })
          : t('inspector.section.free', { n: ++freeCount });
        const axis = section.kind === 'axis' ? axisIndex(section.axis) : 0;
        const [min, max, value] = section.kind === 'axis'
          ? [bounds?.min[axis] ?? section.position - 1, bounds?.max[axis] ?? section.position + 1, section.position]
          : [0, diagonal, section.offset];
        const shown = section.kind === 'axis' ? value + offset[axis]! : value;
        const sliderId = `inspector-section-${section.id}`;
        return (
          <fieldset key={section.id} className="inspector-section" data-testid="inspector-section">
            <legend>{title}</legend>
            <label htmlFor={sliderId}>{t(section.kind === 'axis' ? 'inspector.section.position' : 'inspector.section.offset')}</label>
            <div className="inspector-row">
              <input
                id={sliderId}
                type="range"
                min={min}
                max={max}
                step={STEP}
                value={value}
                data-testid="inspector-section-slider"
                onChange={(event) => {
                  const v = Number(event.target.value);
                  dispatch({ type: 'editSection', id: section.id, patch: section.kind === 'axis' ? { position: v } : { offset: v } });
                }}
              />
              <output htmlFor={sliderId}>{number(shown)}</output>
            </div>
            <div className="inspector-row">
              <label>
                <input
                  type="checkbox"
                  checked={section.flipped}
                  onChange={(event) => dispatch({ type: 'editSection', id: section.id, patch: { flipped: event.target.checked } })}
                />{' '}
                {t('inspector.section.flip')}
              </label>
              <button type="button" onClick={() => dispatch({ type: 'removeSection', id: section.id })} aria-label={`${t('inspector.section.remove')} — ${title}`}>
                {t('inspector.section.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => dispatch({ type: 'clearSections' })} data-testid="inspector-sections-clear">
        {t('inspector.section.clear')}
      </button>
    </section>
  );
}
