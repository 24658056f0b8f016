/** Small synthetic cases for the validation and parity tests (no files). */
import { buildModel } from '../../../src/sim/flood/model';
import type { ModelInput } from '../../../src/sim/flood/model';
import type { FloodModel } from '../../../src/sim/flood/types';

const grid = (nx: number, ny: number, dx: number) => ({ nx, ny, dx, x0: 0, yTop: ny * dx, crs: null });
const WALLS = { north: 'wall', east: 'wall', south: 'wall', west: 'wall' } as const;

function base(nx: number, ny: number, dx: number, bed: (i: number, j: number) => number): ModelInput {
  const cells = nx * ny;
  return {
    grid: grid(nx, ny, dx),
    bed: Float32Array.from({ length: cells }, (_, k) => bed(k % nx, Math.floor(k / nx))),
    manning: new Float32Array(cells).fill(0.03),
    rain: [{ times: [0], values: [0] }],
    drainageMmPerHour: [0],
    inflows: [],
    boundaries: { ...WALLS },
    gauges: [],
    durationSeconds: 3600,
    outputIntervalSeconds: 600,
  };
}

/**
 * Hunter et al. (2005): a flat frictional plane fed at x = 0 so the front moves at u. With u = 0.5 m/s and n = 0.03
 * the Froude number stays below 0.25, where the local-inertial scheme tracks the diffusive-wave solution (at
 * u = 1 m/s, n = 0.01 its missing advection term makes the front lag 9 %: SCHEME.md "Limits").
 */
export const HUNTER = { n: 0.03, u: 0.5, dx: 10, nx: 250, ny: 4, seconds: 3600 };

/** Analytic depth (Hunter et al. 2005; Bates et al. 2010 test 1): h = [7/3·n²u²(ut − x)]^(3/7). */
export function hunterDepth(x: number, t: number): number {
  const { n, u } = HUNTER;
  return u * t > x ? ((7 / 3) * n * n * u * u * (u * t - x)) ** (3 / 7) : 0;
}

export function hunterModel(seconds = HUNTER.seconds): FloodModel {
  const { nx, ny, dx, n } = HUNTER;
  const input = base(nx, ny, dx, () => 0);
  input.manning.fill(n);
  const times = Array.from({ length: 121 }, (_, k) => (k * seconds) / 120);
  input.boundaries.west = { stage: times.map((t) => [t, hunterDepth(0, t)]) };
  input.durationSeconds = seconds;
  input.outputIntervalSeconds = seconds / 6;
  return buildModel(input);
}

/** A closed basin over uneven ground (bumps, some above the water: islands) with water at rest at 1.0 m. */
export function lakeModel(): FloodModel {
  const input = base(64, 48, 2, (i, j) => 0.6 * Math.sin(i / 3) * Math.cos(j / 4) + 0.02 * ((i * 7 + j * 13) % 11) + (i > 50 && j > 30 ? 1.5 : 0));
  input.initialStage = new Float32Array(input.bed.length).fill(1.0);
  input.manning = Float32Array.from({ length: input.bed.length }, (_, k) => (k % 5 === 0 ? 0.02 : 0.05));
  return buildModel(input);
}

/** Mass balance: a tilted basin with rain, a point inflow, drainage in one half, an open east edge. */
export function basinModel(): FloodModel {
  const nx = 80;
  const ny = 60;
  const input = base(nx, ny, 2, (i, j) => 10 - 0.02 * i + 0.3 * Math.sin(j / 5) + 0.2 * Math.cos(i / 7));
  input.rain = [{ times: [0, 600, 1200], values: [60, 120, 0] }];
  input.drainageZone = Uint8Array.from({ length: nx * ny }, (_, k) => (k % nx < nx / 2 ? 1 : 0));
  input.drainageMmPerHour = [0, 20];
  input.inflows = [{ cells: [20 * nx + 10, 20 * nx + 11, 21 * nx + 10], hydrograph: { times: [0, 900, 1800], values: [0, 0.5, 0] } }];
  input.boundaries.east = 'open';
  input.durationSeconds = 1800;
  input.outputIntervalSeconds = 300;
  return buildModel(input);
}
