/**
 * What the inspector's tools do with clicks, as a reducer over plain data: measuring tools collect surface points
 * and turn them into measurements, the face tool makes a section plane, and the lists of planes and measurements
 * are edited here. Selection is not here: it is shared with the other views through the bim store.
 */
import {
  measureDistance, measureFace, measureHeight, measurePolygon, POINTS_NEEDED, POLYGON_MIN_POINTS, type MeasureTool, type Measurement,
} from './measurements';
import type { Axis, SectionPlane } from './sectionPlanes';
import type { SurfaceHit } from './surfacePick';
import type { Vec3 } from './vec3';

export type InspectorTool = 'select' | MeasureTool | 'sectionFace';

export const TOOLS: readonly InspectorTool[] = ['select', 'distance', 'height', 'faceArea', 'polygonArea', 'sectionFace'];

export interface ToolState {
  tool: InspectorTool;
  /** Points clicked for the measurement in progress. */
  pending: Vec3[];
  measurements: Measurement[];
  sections: SectionPlane[];
  nextId: number;
}

export type SectionPatch = { position?: number; offset?: number; flipped?: boolean };

export type ToolAction =
  | { type: 'tool'; tool: InspectorTool }
  /** A click on a surface; `mesh` holds the hit chunk's arrays (needed to measure a face). */
  | { type: 'hit'; hit: SurfaceHit; mesh: { positions: Float32Array; indices: Uint32Array } | null }
  | { type: 'finish' }
  | { type: 'escape' }
  | { type: 'addAxisSection'; axis: Axis; position: number }
  | { type: 'editSection'; id: number; patch: SectionPatch }
  | { type: 'removeSection'; id: number }
  | { type: 'clearSections' }
  | { type: 'removeMeasurement'; id: number }
  | { type: 'clearMeasurements' };

export const INITIAL_TOOLS: ToolState = { tool: 'select', pending: [], measurements: [], sections: [], nextId: 1 };

function withMeasurement(state: ToolState, measurement: Measurement): ToolState {
  return { ...state, pending: [], measurements: [...state.measurements, measurement], nextId: state.nextId + 1 };
}

function onHit(state: ToolState, hit: SurfaceHit, mesh: { positions: Float32Array; indices: Uint32Array } | null): ToolState {
  const { tool, nextId: id } = state;
  switch (tool) {
    case 'select':
      return state;
    case 'sectionFace':
      return {
        ...state,
        tool: 'select',
        sections: [...state.sections, { id, kind: 'free', point: hit.point, normal: hit.normal, offset: 0, flipped: false }],
        nextId: id + 1,
      };
    case 'faceArea':
      return mesh ? withMeasurement(state, measureFace(id, mesh.positions, mesh.indices, hit)) : state;
    case 'polygonArea':
      return { ...state, pending: [...state.pending, hit.point] };
    case 'distance':
    case 'height': {
      const pending = [...state.pending, hit.point];
      if (pending.length < POINTS_NEEDED[tool]) return { ...state, pending };
      const [a, b] = pending as [Vec3, Vec3];
      return withMeasurement(state, tool === 'distance' ? measureDistance(id, a, b) : measureHeight(id, a, b));
    }
  }
}

export function toolReducer(state: ToolState, action: ToolAction): ToolState {
  switch (action.type) {
    case 'tool':
      return { ...state, tool: action.tool, pending: [] };
    case 'hit':
      return onHit(state, action.hit, action.mesh);
    case 'finish':
      return state.tool === 'polygonArea' && state.pending.length >= POLYGON_MIN_POINTS
        ? withMeasurement(state, measurePolygon(state.nextId, state.pending))
        : state;
    case 'escape':
      return { ...state, tool: 'select', pending: [] };
    case 'addAxisSection':
      return {
        ...state,
        sections: [...state.sections, { id: state.nextId, kind: 'axis', axis: action.axis, position: action.position, flipped: false }],
        nextId: state.nextId + 1,
      };
    case 'editSection':
      return {
        ...state,
        sections: state.sections.map((s) => {
          if (s.id !== action.id) return s;
          const { position, offset, flipped } = action.patch;
          return s.kind === 'axis'
            ? { ...s, position: position ?? s.position, flipped: flipped ?? s.flipped }
            : { ...s, offset: offset ?? s.offset, flipped: flipped ?? s.flipped };
        }),
      };
    case 'removeSection':
      return { ...state, sections: state.sections.filter((s) => s.id !== action.id) };
    case 'clearSections':
      return { ...state, sections: [] };
    case 'removeMeasurement':
      return { ...state, measurements: state.measurements.filter((m) => m.id !== action.id) };
    case 'clearMeasurements':
      return { ...state, measurements: [], pending: [] };
  }
}
