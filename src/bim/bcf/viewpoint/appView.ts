/**
 * What the app knows about a view ↔ a BCF viewpoint. The app holds a camera in the model's project frame (the
 * three.js inspector) or in ECEF (the Cesium scene), the GlobalIds it shows selected, hidden or isolated, colours
 * as RGBA and section planes; BCF wants the project frame, visibility as a default plus exceptions, and ARGB hex.
 * Pure: no Cesium, no three.js — the UI converts its camera to these numbers and back.
 */
import type { BcfCamera, BcfClippingPlane, BcfComponent, BcfSnapshot, BcfViewpoint } from '../types';
import type { Matrix4 } from './affine';
import { invertAffine, linearScale, transformDirection, transformNormal, transformPoint } from './affine';

/** 0–255 each; alpha 255 is opaque. */
export type Rgba = [number, number, number, number];

export interface AppView {
  /** The frame of `camera` and `clippingPlanes`: the model's project frame (metres, z up) or Earth-centred ECEF. */
  frame: 'project' | 'ecef';
  /** Field of view vertical, in degrees; an orthogonal camera's `viewToWorldScale` is the visible height in metres. */
  camera: BcfCamera;
  selected: string[];
  /** GlobalIds hidden while everything else shows. Ignored when `isolated` is set. */
  hidden: string[];
  /** When set, only these GlobalIds show. */
  isolated: string[] | null;
  colored: { rgba: Rgba; guids: string[] }[];
  clippingPlanes: BcfClippingPlane[];
  snapshot: BcfSnapshot | null;
}

export interface FrameOptions {
  /** Required for `frame: 'ecef'`: the model's `ModelPlacement.projectToEcef` (column-major 4×4). */
  projectToEcef?: Matrix4;
}

export function viewpointFromView(view: AppView, options: FrameOptions & { guid?: string } = {}): BcfViewpoint {
  const toProject = view.frame === 'ecef' ? invertAffine(ecefMatrix(options)) : null;
  const isolated = view.isolated !== null;
  return {
    guid: options.guid ?? crypto.randomUUID(),
    index: null,
    camera: toProject ? transformCamera(view.camera, toProject) : view.camera,
    components: {
      selection: view.selected.map(component),
      visibility: { defaultVisibility: !isolated, exceptions: (view.isolated ?? view.hidden).map(component), viewSetupHints: null },
      coloring: view.colored.filter((entry) => entry.guids.length > 0).map((entry) => ({ color: argbHex(entry.rgba), components: entry.guids.map(component) })),
    },
    lines: [],
    clippingPlanes: toProject ? view.clippingPlanes.map((plane) => transformPlane(plane, toProject)) : view.clippingPlanes,
    snapshot: view.snapshot,
  };
}

/** The view a viewpoint describes, in the frame asked for. Components known only by an authoring-tool id are left out. */
export function viewFromViewpoint(viewpoint: BcfViewpoint, frame: AppView['frame'], options: FrameOptions = {}): AppView | null {
  if (!viewpoint.camera) return null;
  const toEcef = frame === 'ecef' ? ecefMatrix(options) : null;
  const { visibility } = viewpoint.components;
  return {
    frame,
    camera: toEcef ? transformCamera(viewpoint.camera, toEcef) : viewpoint.camera,
    selected: guids(viewpoint.components.selection),
    hidden: visibility.defaultVisibility ? guids(visibility.exceptions) : [],
    isolated: visibility.defaultVisibility ? null : guids(visibility.exceptions),
    colored: viewpoint.components.coloring.map((coloring) => ({ rgba: rgbaFromHex(coloring.color), guids: guids(coloring.components) })),
    clippingPlanes: toEcef ? viewpoint.clippingPlanes.map((plane) => transformPlane(plane, toEcef)) : viewpoint.clippingPlanes,
    snapshot: viewpoint.snapshot,
  };
}

/** BCF colours are ARGB: `RRGGBB` when opaque, `AARRGGBB` otherwise (BCF 3.0 Documentation, "Coloring"). */
export function argbHex([r, g, b, a]: Rgba): string {
  const hex = (value: number) => Math.round(Math.min(255, Math.max(0, value))).toString(16).toUpperCase().padStart(2, '0');
  return `${a >= 255 ? '' : hex(a)}${hex(r)}${hex(g)}${hex(b)}`;
}

export function rgbaFromHex(color: string): Rgba {
  const value = Number.parseInt(color, 16);
  const alpha = color.length === 8 ? (value >>> 24) & 0xff : 255;
  return [(value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff, alpha];
}

/**
 * Cesium's PerspectiveFrustum.fov spans the larger side of the view (horizontal when wider than tall); BCF's
 * FieldOfView is always vertical. Degrees out, radians in, as each side uses.
 */
export function verticalFieldOfView(largerSideFovRadians: number, aspectRatio: number): number {
  const vertical = aspectRatio > 1 ? 2 * Math.atan(Math.tan(largerSideFovRadians / 2) / aspectRatio) : largerSideFovRadians;
  return (vertical * 180) / Math.PI;
}

export function largerSideFieldOfView(verticalDegrees: number, aspectRatio: number): number {
  const vertical = (verticalDegrees * Math.PI) / 180;
  return aspectRatio > 1 ? 2 * Math.atan(Math.tan(vertical / 2) * aspectRatio) : vertical;
}

function ecefMatrix(options: FrameOptions): Matrix4 {
  if (!options.projectToEcef) throw new Error('an ECEF view needs the model placement (projectToEcef)');
  return options.projectToEcef;
}

function transformCamera(camera: BcfCamera, m: Matrix4): BcfCamera {
  const moved = { ...camera, position: transformPoint(m, camera.position), direction: transformDirection(m, camera.direction), up: transformDirection(m, camera.up) };
  // A visible height in metres grows or shrinks with the frame (by the mean scale, for IFC4.3's per-axis factors).
  return moved.kind === 'orthogonal' ? { ...moved, viewToWorldScale: moved.viewToWorldScale * linearScale(m) } : moved;
}

function transformPlane(plane: BcfClippingPlane, m: Matrix4): BcfClippingPlane {
  return { location: transformPoint(m, plane.location), direction: transformNormal(m, plane.direction) };
}

const component = (ifcGuid: string): BcfComponent => ({ ifcGuid, originatingSystem: null, authoringToolId: null });
const guids = (components: BcfComponent[]) => components.map((entry) => entry.ifcGuid).filter((guid): guid is string => guid !== null);
