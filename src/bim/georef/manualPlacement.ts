import type { ModelPlacement } from '../types';
import { headingFrame } from './ecefFrame';

export interface ManualPlacementInput {
  /** Where the project origin goes, WGS 84 degrees. */
  lon: number;
  lat: number;
  /** Clockwise from true north to the project's +y axis, degrees. */
  headingDegrees: number;
  /** The planner's elevation for the origin (metres, shown; the model stands on the ellipsoid like every other). */
  elevation: number;
}

/** A placement the planner made by hand: always `unverified`, wherever it appears. */
export function manualPlacement({ lon, lat, headingDegrees, elevation }: ManualPlacementInput): ModelPlacement {
  return {
    source: 'manual',
    trust: 'unverified',
    reasons: [
      {
        vi: `Đặt thủ công tại (${lat.toFixed(6)}, ${lon.toFixed(6)}), hướng ${headingDegrees.toFixed(1)}°, cao độ ${elevation.toFixed(2)} m: chưa được kiểm chứng.`,
        en: `Placed by hand at (${lat.toFixed(6)}, ${lon.toFixed(6)}), heading ${headingDegrees.toFixed(1)}°, elevation ${elevation.toFixed(2)} m: not verified.`,
      },
    ],
    originWgs84: [lon, lat, null],
    datumHeight: elevation,
    headingDegrees,
    projectToEcef: headingFrame(lon, lat, headingDegrees),
  };
}
