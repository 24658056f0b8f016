import type { Dispatch } from 'react';
import { useT } from '../../app/useT';
import { TOOLS, type ToolAction, type ToolState } from './inspectorTools';
import { axisIndex, type Axis } from './sectionPlanes';
import type { Vec3 } from './vec3';

const AXES: readonly Axis[] = ['x', 'y', 'z'];

interface Props {
  state: ToolState;
  dispatch: Dispatch<ToolAction>;
  bounds: { min: Vec3; max: Vec3 } | null;
  onFit(): void;
}

/** Tool buttons (one pressed at a time), axis section planes added at the model's middle, and fit. */
export function InspectorToolbar({ state, dispatch, bounds, onFit }: Props) {
  const t = useT();
  return (
    <div className="inspector-toolbar">
      <div role="group" aria-label={t('inspector.tools')} className="inspector-tools">
        {TOOLS.map((tool) => (
          <button
            key={tool}
            type="button"
            aria-pressed={state.tool === tool}
            data-testid={`inspector-tool-${tool}`}
            onClick={() => dispatch({ type: 'tool', tool })}
          >
            {t(`inspector.tool.${tool}`)}
          </button>
        ))}
      </div>
      <div role="group" aria-label={t('inspector.sections')} className="inspector-tools">
        {AXES.map((axis) => (
          <button
            key={axis}
            type="button"
            disabled={!bounds}
            data-testid={`inspector-section-add-${axis}`}
            onClick={() => bounds && dispatch({ type: 'addAxisSection', axis, position: (bounds.min[axisIndex(axis)] + bounds.max[axisIndex(axis)]) / 2 })}
          >
            {t('inspector.section.add', { axis: axis.toUpperCase() })}
          </button>
        ))}
        <button type="button" disabled={!bounds} onClick={onFit} data-testid="inspector-fit">
          {t('inspector.fit')}
        </button>
      </div>
    </div>
  );
}
