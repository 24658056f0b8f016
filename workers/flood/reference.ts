/**
 * The reference kernel: SCHEME.md in plain TypeScript, the oracle every fast backend is tested against.
 * Pure functions over the typed arrays of `FloodFields`, one row band `[j0, j1)` per call, no allocation.
 * Arithmetic is f64 on f32 inputs, rounded when stored.
 */
import type { FloodFields } from './layout';
import type { FloodKernel, KernelConstants, StepResult } from './kernel';
import { BOUNDARY_OPEN, BOUNDARY_STAGE, EDGE_EAST, EDGE_NORTH, EDGE_SOUTH, EDGE_WEST } from './kernel';

/** Water level in f32, as every backend forms it: exactly the lake's level for a lake at rest (model.ts). */
function level(z: Float32Array, h: Float32Array, k: number): number {
  return Math.fround(z[k]! + h[k]!);
}

/**
 * Boundary face discharge (SCHEME.md "Boundary faces"). `outward` is +1 when leaving the domain means
 * increasing index (east, south), −1 otherwise; `qe` the face's previous effective discharge.
 */
function boundaryDischarge(
  c: KernelConstants, kind: number, stage: number, hB: number, zB: number, nB: number, qe: number,
  outward: number, dt: number,
): number {
  if (kind === BOUNDARY_OPEN) return hB > c.hEps ? outward * hB * Math.sqrt(c.g * hB) * wetRamp(c, hB) : 0;
  if (kind !== BOUNDARY_STAGE) return 0;
  const etaB = Math.fround(zB + hB);
  const etaG = Math.max(stage, zB);
  const hf = Math.max(etaG, etaB) - zB;
  if (hf <= c.hEps) return 0;
  // Gradient along the index direction: (etaR − etaL)/Δx with the ghost on the outward side.
  const gradient = outward * (etaG - etaB);
  const hf73 = hf * hf * Math.cbrt(hf);
  return ((qe - c.g * hf * (dt / c.dx) * gradient) / (1 + (c.g * dt * nB * nB * Math.abs(qe)) / hf73)) * wetRamp(c, hf);
}

/** Wetting ramp clamp((hf − hEps)/hEps, 0, 1): a face opens continuously above hEps (SCHEME.md pass A). */
function wetRamp(c: KernelConstants, hf: number): number {
  return Math.min(Math.max((hf - c.hEps) / c.hEps, 0), 1);
}

/** Largest face signal speed of the running `momentum` call (module state: the reference is single-threaded). */
let faceSpeed = 0;

/**
 * Interior face (Bates et al. 2010 semi-implicit friction, de Almeida et al. 2012 θ-weighting):
 * L/R cells, own/previous/next effective discharges along the axis, mean transverse discharge.
 */
function faceDischarge(
  c: KernelConstants, dt: number, etaL: number, etaR: number, zL: number, zR: number, nL: number, nR: number,
  qe: number, qePrev: number, qeNext: number, qt: number,
): number {
  const hf = Math.max(etaL, etaR) - Math.max(zL, zR);
  if (hf <= c.hEps) return 0;
  const qbar = c.theta * qe + 0.5 * (1 - c.theta) * (qePrev + qeNext);
  const qmag = Math.sqrt(qe * qe + qt * qt);
  const nf = 0.5 * (nL + nR);
  const hf73 = hf * hf * Math.cbrt(hf);
  const q = (qbar - c.g * hf * (dt / c.dx) * (etaR - etaL)) / (1 + (c.g * dt * nf * nf * qmag) / hf73);
  const celerity = Math.sqrt(c.g * hf);
  // Optional Froude cap (SCHEME.md pass A; 0: none): |q| ≤ Fr_max·hf·√(g·hf).
  const qCap = c.froudeCap * hf * celerity;
  const capped = Math.fround((c.froudeCap > 0 ? Math.min(Math.max(q, -qCap), qCap) : q) * wetRamp(c, hf));
  // Signal speed |q|/hf + √(g·hf) of this wet face (SCHEME.md "Time step"), of the discharge as stored (f32).
  faceSpeed = Math.max(faceSpeed, Math.abs(capped) / hf + celerity);
  return capped;
}


/**
 * Pass A: raw discharges `qx, qy` of the faces the band owns (SCHEME.md "Pass A"); returns the largest signal speed
 * |q|/hf + √(g·hf) over its wet interior faces.
 */
export function momentum(f: FloodFields, c: KernelConstants, stages: Float32Array, j0: number, j1: number, dt: number): number {
  faceSpeed = 0;
  const { nx, ny } = f.layout;
  const { z, h, manning, qx, qy, qxe, qye } = f;
  const fx = nx + 1;
  for (let j = j0; j < j1; j++) {
    const row = j * nx;
    const rowF = j * fx;
    for (let i = 1; i < nx; i++) {
      const L = row + i - 1;
      const face = rowF + i;
      const qt = 0.25 * (qye[L]! + qye[L + 1]! + qye[L + nx]! + qye[L + nx + 1]!);
      qx[face] = faceDischarge(c, dt, level(z, h, L), level(z, h, L + 1), z[L]!, z[L + 1]!, manning[L]!, manning[L + 1]!,
        qxe[face]!, qxe[face - 1]!, qxe[face + 1]!, qt);
    }
    const w = row;
    const e = row + nx - 1;
    qx[rowF] = boundaryDischarge(c, c.boundary[EDGE_WEST]!, stages[EDGE_WEST]!, h[w]!, z[w]!, manning[w]!, qxe[rowF]!, -1, dt);
    qx[rowF + nx] = boundaryDischarge(c, c.boundary[EDGE_EAST]!, stages[EDGE_EAST]!, h[e]!, z[e]!, manning[e]!, qxe[rowF + nx]!, 1, dt);
  }
  for (let j = Math.max(j0, 1); j < j1; j++) {
    const fxL = (j - 1) * fx;
    const fxR = j * fx;
    for (let i = 0; i < nx; i++) {
      const R = j * nx + i;
      const L = R - nx;
      const qt = 0.25 * (qxe[fxL + i]! + qxe[fxL + i + 1]! + qxe[fxR + i]! + qxe[fxR + i + 1]!);
      qy[R] = faceDischarge(c, dt, level(z, h, L), level(z, h, R), z[L]!, z[R]!, manning[L]!, manning[R]!,
        qye[R]!, qye[L]!, qye[R + nx]!, qt);
    }
  }
  if (j0 === 0) {
    for (let i = 0; i < nx; i++) {
      qy[i] = boundaryDischarge(c, c.boundary[EDGE_NORTH]!, stages[EDGE_NORTH]!, h[i]!, z[i]!, manning[i]!, qye[i]!, -1, dt);
    }
  }
  if (j1 === ny) {
    const last = (ny - 1) * nx;
    for (let i = 0; i < nx; i++) {
      const face = ny * nx + i;
      qy[face] = boundaryDischarge(c, c.boundary[EDGE_SOUTH]!, stages[EDGE_SOUTH]!, h[last + i]!, z[last + i]!,
        manning[last + i]!, qye[face]!, 1, dt);
    }
  }
  return faceSpeed;
}

/** Pass B: the outflow limiter `r` of each cell (SCHEME.md "Pass B"). */
export function limiter(f: FloodFields, c: KernelConstants, j0: number, j1: number, dt: number): void {
  const { nx } = f.layout;
  const { h, r, qx, qy } = f;
  const dtdx = dt / c.dx;
  for (let j = j0; j < j1; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const w = j * (nx + 1) + i;
      const out = dtdx * (Math.max(-qx[w]!, 0) + Math.max(qx[w + 1]!, 0) + Math.max(-qy[k]!, 0) + Math.max(qy[k + nx]!, 0));
      r[k] = out > h[k]! ? h[k]! / out : 1;
    }
  }
}

/** Pass C: effective discharges, continuity and zone sources (SCHEME.md "Pass C"). */
export function continuity(
  f: FloodFields, c: KernelConstants, source: Float32Array, j0: number, j1: number, dt: number, result: StepResult,
): void {
  const { nx, ny } = f.layout;
  const { h, r, qx, qy, qxe, qye, zone } = f;
  const dtdx = dt / c.dx;
  let hMax = 0;
  let deficit = 0;
  for (let j = j0; j < j1; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const w = j * (nx + 1) + i;
      const rk = r[k]!;
      const qW = qx[w]!;
      const qE = qx[w + 1]!;
      const qN = qy[k]!;
      const qS = qy[k + nx]!;
      const qeW = qW * (qW > 0 ? (i > 0 ? r[k - 1]! : 1) : rk);
      const qeE = qE * (qE > 0 ? rk : i < nx - 1 ? r[k + 1]! : 1);
      const qeN = qN * (qN > 0 ? (j > 0 ? r[k - nx]! : 1) : rk);
      const qeS = qS * (qS > 0 ? rk : j < ny - 1 ? r[k + nx]! : 1);
      qxe[w] = qeW;
      qye[k] = qeN;
      if (i === nx - 1) qxe[w + 1] = qeE;
      if (j === ny - 1) qye[k + nx] = qeS;
      const next = h[k]! + dtdx * (qeW - qeE + qeN - qeS) + source[zone[k]!]!;
      deficit += Math.max(-next, 0);
      h[k] = Math.max(next, 0);
      hMax = Math.max(hMax, h[k]!);
    }
  }
  result.hMax = hMax;
  result.deficit = deficit;
}

/** The reference as a `FloodKernel`. */
export function createReferenceKernel(fields: FloodFields, constants: KernelConstants, stages: Float32Array, source: Float32Array): FloodKernel {
  const result: StepResult = { hMax: 0, speed: 0, deficit: 0 };
  const { ny } = fields.layout;
  return {
    name: 'reference',
    // The passes read neighbouring rows directly, so the reference steps the whole grid as one band.
    step: (j0, j1, dt) => {
      if (j0 !== 0 || j1 !== ny) throw new Error('the reference kernel steps the whole grid');
      const speed = momentum(fields, constants, stages, j0, j1, dt);
      limiter(fields, constants, j0, j1, dt);
      continuity(fields, constants, source, j0, j1, dt, result);
      result.speed = speed;
      return result;
    },
    exportHalo: () => undefined,
  };
}
