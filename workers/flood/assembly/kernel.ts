// The WASM flood kernel: SCHEME.md passes A, B, C in AssemblyScript with 128-bit SIMD (four f32 cells or faces
// per instruction). Memory is imported (and shared when several workers split the rows); every array pointer
// comes from workers/flood/layout.ts through `configure`. Globals are per instance, i.e. per worker.
// Rows are split between threads, never columns, so the SIMD/scalar split of a row is the same for any thread
// count and one thread and N threads give bitwise the same state.

let nx: i32 = 0;
let ny: i32 = 0;
let dx: f32 = 1;
let g: f32 = 9.81;
let theta: f32 = 0.7;
let hEps: f32 = 0.001;
let froudeCap: f32 = 1;
let pZ: usize = 0;
let pH: usize = 0;
let pMan: usize = 0;
let pR: usize = 0;
let pQx: usize = 0;
let pQy: usize = 0;
let pQxe: usize = 0;
let pQye: usize = 0;
let pZone: usize = 0;
let pSource: usize = 0;
let pStages: usize = 0;
let kindN: i32 = 0;
let kindE: i32 = 0;
let kindS: i32 = 0;
let kindW: i32 = 0;
let deficitSum: f64 = 0;

const OPEN: i32 = 1;
const STAGE: i32 = 2;
// Initial guess of x^(-1/3) from the float's bits (a "magic constant" like the fast inverse square root).
const RCBRT_MAGIC: i32 = 0x54a2fa8c;
const THIRD: f32 = 1.0 / 3.0;

export function configure(
  nx_: i32, ny_: i32, dx_: f32, g_: f32, theta_: f32, hEps_: f32, froudeCap_: f32,
  z: usize, h: usize, manning: usize, r: usize, qx: usize, qy: usize, qxe: usize, qye: usize, zone: usize,
  block: usize, kN: i32, kE: i32, kS: i32, kW: i32,
): void {
  nx = nx_; ny = ny_; dx = dx_; g = g_; theta = theta_; hEps = hEps_; froudeCap = froudeCap_;
  pZ = z; pH = h; pMan = manning; pR = r; pQx = qx; pQy = qy; pQxe = qxe; pQye = qye; pZone = zone;
  pSource = block; pStages = block + 1024;
  kindN = kN; kindE = kE; kindS = kS; kindW = kW;
}

@inline function f32At(base: usize, index: i32): f32 {
  return load<f32>(base + (<usize>index << 2));
}
@inline function v4At(base: usize, index: i32): v128 {
  return v128.load(base + (<usize>index << 2));
}
// Water level z + h in f32 (SCHEME.md: the state is the depth; the level is formed where a gradient needs it).
@inline function level4(k: i32): v128 {
  return f32x4.add(v4At(pZ, k), v4At(pH, k));
}
@inline function level1(k: i32): f32 {
  return f32At(pZ, k) + f32At(pH, k);
}

// x^(-7/3) for the friction term hf^(7/3) = hf² · cbrt(hf): three Newton steps on y = x^(-1/3),
// y ← y(4 − x·y³)/3, from a bit-level first guess; relative error < 2e-7 over 1e-4…1e3 m. No division.
@inline function invPow73x4(x: v128): v128 {
  const bits = f32x4.convert_i32x4_s(x);
  let y = i32x4.sub(i32x4.splat(RCBRT_MAGIC), i32x4.trunc_sat_f32x4_s(f32x4.mul(bits, f32x4.splat(THIRD))));
  const four = f32x4.splat(4);
  const third = f32x4.splat(THIRD);
  for (let k = 0; k < 3; k++) {
    y = f32x4.mul(f32x4.mul(y, f32x4.sub(four, f32x4.mul(x, f32x4.mul(f32x4.mul(y, y), y)))), third);
  }
  const y2 = f32x4.mul(y, y);
  const y3 = f32x4.mul(y2, y);
  return f32x4.mul(f32x4.mul(y3, y3), y);
}
@inline function invPow73(x: f32): f32 {
  return f32x4.extract_lane(invPow73x4(f32x4.splat(x)), 0);
}

// Interior face, four at a time (SCHEME.md pass A; Bates et al. 2010 semi-implicit friction,
// de Almeida et al. 2012 θ-weighting). Dry lanes (hf ≤ hEps) give 0.
@inline function faceDischarge4(
  etaL: v128, etaR: v128, zL: v128, zR: v128, nL: v128, nR: v128, qe: v128, qePrev: v128, qeNext: v128, qt: v128,
  dt: f32,
): v128 {
  const hf = f32x4.sub(f32x4.max(etaL, etaR), f32x4.max(zL, zR));
  const wet = f32x4.gt(hf, f32x4.splat(hEps));
  const hs = f32x4.max(hf, f32x4.splat(hEps));
  const qbar = f32x4.add(f32x4.mul(f32x4.splat(theta), qe), f32x4.mul(f32x4.splat(0.5 * (1 - theta)), f32x4.add(qePrev, qeNext)));
  const qmag = f32x4.sqrt(f32x4.add(f32x4.mul(qe, qe), f32x4.mul(qt, qt)));
  const nf = f32x4.mul(f32x4.splat(0.5), f32x4.add(nL, nR));
  const numerator = f32x4.sub(qbar, f32x4.mul(f32x4.mul(f32x4.splat(g * (dt / dx)), hs), f32x4.sub(etaR, etaL)));
  const friction = f32x4.mul(f32x4.mul(f32x4.splat(g * dt), f32x4.mul(nf, nf)), f32x4.mul(qmag, invPow73x4(hs)));
  const q = f32x4.div(numerator, f32x4.add(f32x4.splat(1), friction));
  const qCap = f32x4.mul(f32x4.mul(f32x4.splat(froudeCap), hs), f32x4.sqrt(f32x4.mul(f32x4.splat(g), hs)));
  return v128.and(f32x4.max(f32x4.min(q, qCap), f32x4.neg(qCap)), wet);
}

@inline function faceDischarge1(
  etaL: f32, etaR: f32, zL: f32, zR: f32, nL: f32, nR: f32, qe: f32, qePrev: f32, qeNext: f32, qt: f32, dt: f32,
): f32 {
  return f32x4.extract_lane(faceDischarge4(
    f32x4.splat(etaL), f32x4.splat(etaR), f32x4.splat(zL), f32x4.splat(zR), f32x4.splat(nL), f32x4.splat(nR),
    f32x4.splat(qe), f32x4.splat(qePrev), f32x4.splat(qeNext), f32x4.splat(qt), dt), 0);
}

// Boundary face (SCHEME.md "Boundary faces"); `outward` is +1 for east/south edges, −1 for west/north.
function boundaryDischarge(kind: i32, stage: f32, hB: f32, zB: f32, nB: f32, qe: f32, outward: f32, dt: f32): f32 {
  if (kind == OPEN) return hB > hEps ? outward * hB * Mathf.sqrt(g * hB) : 0;
  if (kind != STAGE) return 0;
  const etaB = zB + hB;
  const etaG = Mathf.max(stage, zB);
  const hf = Mathf.max(etaG, etaB) - zB;
  if (hf <= hEps) return 0;
  const gradient = outward * (etaG - etaB);
  return (qe - g * hf * (dt / dx) * gradient) / (1 + g * dt * nB * nB * Mathf.abs(qe) * invPow73(hf));
}

function momentumRowX(j: i32, dt: f32): void {
  const row = j * nx;
  const rowF = j * (nx + 1);
  let i = 1;
  for (; i + 4 <= nx; i += 4) {
    const L = row + i - 1;
    const face = rowF + i;
    const qt = f32x4.mul(f32x4.splat(0.25), f32x4.add(
      f32x4.add(v4At(pQye, L), v4At(pQye, L + 1)), f32x4.add(v4At(pQye, L + nx), v4At(pQye, L + nx + 1))));
    v128.store(pQx + (<usize>face << 2), faceDischarge4(
      level4(L), level4(L + 1), v4At(pZ, L), v4At(pZ, L + 1), v4At(pMan, L), v4At(pMan, L + 1),
      v4At(pQxe, face), v4At(pQxe, face - 1), v4At(pQxe, face + 1), qt, dt));
  }
  for (; i < nx; i++) {
    const L = row + i - 1;
    const face = rowF + i;
    const qt: f32 = 0.25 * (f32At(pQye, L) + f32At(pQye, L + 1) + (f32At(pQye, L + nx) + f32At(pQye, L + nx + 1)));
    store<f32>(pQx + (<usize>face << 2), faceDischarge1(
      level1(L), level1(L + 1), f32At(pZ, L), f32At(pZ, L + 1), f32At(pMan, L), f32At(pMan, L + 1),
      f32At(pQxe, face), f32At(pQxe, face - 1), f32At(pQxe, face + 1), qt, dt));
  }
  const w = row;
  const e = row + nx - 1;
  store<f32>(pQx + (<usize>rowF << 2), boundaryDischarge(kindW, load<f32>(pStages + 12),
    f32At(pH, w), f32At(pZ, w), f32At(pMan, w), f32At(pQxe, rowF), -1, dt));
  store<f32>(pQx + (<usize>(rowF + nx) << 2), boundaryDischarge(kindE, load<f32>(pStages + 4),
    f32At(pH, e), f32At(pZ, e), f32At(pMan, e), f32At(pQxe, rowF + nx), 1, dt));
}

// Interior y faces of row j (north faces of row j, between rows j−1 and j).
function momentumRowY(j: i32, dt: f32): void {
  const fxL = (j - 1) * (nx + 1);
  const fxR = j * (nx + 1);
  let i = 0;
  for (; i + 4 <= nx; i += 4) {
    const R = j * nx + i;
    const L = R - nx;
    const qt = f32x4.mul(f32x4.splat(0.25), f32x4.add(
      f32x4.add(v4At(pQxe, fxL + i), v4At(pQxe, fxL + i + 1)), f32x4.add(v4At(pQxe, fxR + i), v4At(pQxe, fxR + i + 1))));
    v128.store(pQy + (<usize>R << 2), faceDischarge4(
      level4(L), level4(R), v4At(pZ, L), v4At(pZ, R), v4At(pMan, L), v4At(pMan, R),
      v4At(pQye, R), v4At(pQye, L), v4At(pQye, R + nx), qt, dt));
  }
  for (; i < nx; i++) {
    const R = j * nx + i;
    const L = R - nx;
    const qt: f32 = 0.25 * (f32At(pQxe, fxL + i) + f32At(pQxe, fxL + i + 1) + (f32At(pQxe, fxR + i) + f32At(pQxe, fxR + i + 1)));
    store<f32>(pQy + (<usize>R << 2), faceDischarge1(
      level1(L), level1(R), f32At(pZ, L), f32At(pZ, R), f32At(pMan, L), f32At(pMan, R),
      f32At(pQye, R), f32At(pQye, L), f32At(pQye, R + nx), qt, dt));
  }
}

/** Pass A over rows [j0, j1): raw face discharges. */
export function momentum(j0: i32, j1: i32, dt: f32): void {
  for (let j = j0; j < j1; j++) {
    momentumRowX(j, dt);
    if (j > 0) momentumRowY(j, dt);
  }
  if (j0 == 0) {
    for (let i = 0; i < nx; i++) {
      store<f32>(pQy + (<usize>i << 2), boundaryDischarge(kindN, load<f32>(pStages),
        f32At(pH, i), f32At(pZ, i), f32At(pMan, i), f32At(pQye, i), -1, dt));
    }
  }
  if (j1 == ny) {
    const last = (ny - 1) * nx;
    for (let i = 0; i < nx; i++) {
      const face = ny * nx + i;
      store<f32>(pQy + (<usize>face << 2), boundaryDischarge(kindS, load<f32>(pStages + 8),
        f32At(pH, last + i), f32At(pZ, last + i), f32At(pMan, last + i), f32At(pQye, face), 1, dt));
    }
  }
}

// Outflow limiter of four cells (SCHEME.md pass B).
@inline function limiter4(qW: v128, qE: v128, qN: v128, qS: v128, h: v128, dtdx: v128): v128 {
  const zero = f32x4.splat(0);
  const out = f32x4.mul(dtdx, f32x4.add(
    f32x4.add(f32x4.max(f32x4.neg(qW), zero), f32x4.max(qE, zero)),
    f32x4.add(f32x4.max(f32x4.neg(qN), zero), f32x4.max(qS, zero))));
  return v128.bitselect(f32x4.div(h, out), f32x4.splat(1), f32x4.gt(out, h));
}

/** Pass B over rows [j0, j1). */
export function limiter(j0: i32, j1: i32, dt: f32): void {
  const dtdx = f32x4.splat(dt / dx);
  for (let j = j0; j < j1; j++) {
    const row = j * nx;
    const rowF = j * (nx + 1);
    let i = 0;
    for (; i + 4 <= nx; i += 4) {
      const k = row + i;
      v128.store(pR + (<usize>k << 2), limiter4(v4At(pQx, rowF + i), v4At(pQx, rowF + i + 1), v4At(pQy, k),
        v4At(pQy, k + nx), v4At(pH, k), dtdx));
    }
    for (; i < nx; i++) {
      const k = row + i;
      store<f32>(pR + (<usize>k << 2), f32x4.extract_lane(limiter4(
        f32x4.splat(f32At(pQx, rowF + i)), f32x4.splat(f32At(pQx, rowF + i + 1)), f32x4.splat(f32At(pQy, k)),
        f32x4.splat(f32At(pQy, k + nx)), f32x4.splat(f32At(pH, k)), dtdx), 0));
    }
  }
}

// Effective discharge q·r(donor): the donor is the low-index cell when q > 0 (SCHEME.md pass C).
@inline function effective4(q: v128, rLow: v128, rHigh: v128): v128 {
  return f32x4.mul(q, v128.bitselect(rLow, rHigh, f32x4.gt(q, f32x4.splat(0))));
}

@inline function source4(k: i32): v128 {
  let s = f32x4.splat(0);
  s = f32x4.replace_lane(s, 0, f32At(pSource, <i32>load<u8>(pZone + <usize>k)));
  s = f32x4.replace_lane(s, 1, f32At(pSource, <i32>load<u8>(pZone + <usize>k + 1)));
  s = f32x4.replace_lane(s, 2, f32At(pSource, <i32>load<u8>(pZone + <usize>k + 2)));
  s = f32x4.replace_lane(s, 3, f32At(pSource, <i32>load<u8>(pZone + <usize>k + 3)));
  return s;
}

let hMaxV: v128 = f32x4.splat(0);
let deficitV: v128 = f32x4.splat(0);

// Continuity of four cells given their effective face discharges; writes h, folds hMax and the deficit.
@inline function update4(k: i32, qeW: v128, qeE: v128, qeN: v128, qeS: v128, source: v128, dtdx: v128): void {
  const next = f32x4.add(f32x4.add(v4At(pH, k),
    f32x4.mul(dtdx, f32x4.sub(f32x4.add(f32x4.sub(qeW, qeE), qeN), qeS))), source);
  const zero = f32x4.splat(0);
  deficitV = f32x4.add(deficitV, f32x4.max(f32x4.neg(next), zero));
  const h = f32x4.max(next, zero);
  v128.store(pH + (<usize>k << 2), h);
  hMaxV = f32x4.max(hMaxV, h);
}

// One cell of pass C with every edge case (first/last column or row); lanes 1–3 unused.
function continuityCell(i: i32, j: i32, dtdx: v128): void {
  const k = j * nx + i;
  const w = j * (nx + 1) + i;
  const one = f32x4.splat(1);
  const rk = f32x4.splat(f32At(pR, k));
  const qeW = effective4(f32x4.splat(f32At(pQx, w)), i > 0 ? f32x4.splat(f32At(pR, k - 1)) : one, rk);
  const qeE = effective4(f32x4.splat(f32At(pQx, w + 1)), rk, i < nx - 1 ? f32x4.splat(f32At(pR, k + 1)) : one);
  const qeN = effective4(f32x4.splat(f32At(pQy, k)), j > 0 ? f32x4.splat(f32At(pR, k - nx)) : one, rk);
  const qeS = effective4(f32x4.splat(f32At(pQy, k + nx)), rk, j < ny - 1 ? f32x4.splat(f32At(pR, k + nx)) : one);
  store<f32>(pQxe + (<usize>w << 2), f32x4.extract_lane(qeW, 0));
  store<f32>(pQye + (<usize>k << 2), f32x4.extract_lane(qeN, 0));
  if (i == nx - 1) store<f32>(pQxe + (<usize>(w + 1) << 2), f32x4.extract_lane(qeE, 0));
  if (j == ny - 1) store<f32>(pQye + (<usize>(k + nx) << 2), f32x4.extract_lane(qeS, 0));
  const next: f32 = f32At(pH, k) + f32x4.extract_lane(dtdx, 0)
    * (f32x4.extract_lane(qeW, 0) - f32x4.extract_lane(qeE, 0) + f32x4.extract_lane(qeN, 0) - f32x4.extract_lane(qeS, 0))
    + f32At(pSource, <i32>load<u8>(pZone + <usize>k));
  deficitV = f32x4.add(deficitV, f32x4(Mathf.max(-next, 0), 0, 0, 0));
  const h = Mathf.max(next, 0);
  store<f32>(pH + (<usize>k << 2), h);
  hMaxV = f32x4.max(hMaxV, f32x4.splat(h));
}

/** Pass C over rows [j0, j1); returns the band's maximum depth, `lastDeficit()` the summed deficit (m). */
export function continuity(j0: i32, j1: i32, dt: f32): f32 {
  const dtdx = f32x4.splat(dt / dx);
  hMaxV = f32x4.splat(0);
  deficitSum = 0;
  for (let j = j0; j < j1; j++) {
    deficitV = f32x4.splat(0);
    if (j == 0 || j == ny - 1) {
      for (let i = 0; i < nx; i++) continuityCell(i, j, dtdx);
    } else {
      continuityCell(0, j, dtdx);
      const row = j * nx;
      const rowF = j * (nx + 1);
      let i = 1;
      for (; i + 4 <= nx - 1; i += 4) {
        const k = row + i;
        const w = rowF + i;
        const rk = v4At(pR, k);
        const qeW = effective4(v4At(pQx, w), v4At(pR, k - 1), rk);
        const qeE = effective4(v4At(pQx, w + 1), rk, v4At(pR, k + 1));
        const qeN = effective4(v4At(pQy, k), v4At(pR, k - nx), rk);
        const qeS = effective4(v4At(pQy, k + nx), rk, v4At(pR, k + nx));
        v128.store(pQxe + (<usize>w << 2), qeW);
        v128.store(pQye + (<usize>k << 2), qeN);
        update4(k, qeW, qeE, qeN, qeS, source4(k), dtdx);
      }
      for (; i < nx; i++) continuityCell(i, j, dtdx);
    }
    deficitSum += <f64>f32x4.extract_lane(deficitV, 0) + <f64>f32x4.extract_lane(deficitV, 1)
      + <f64>f32x4.extract_lane(deficitV, 2) + <f64>f32x4.extract_lane(deficitV, 3);
  }
  return Mathf.max(Mathf.max(f32x4.extract_lane(hMaxV, 0), f32x4.extract_lane(hMaxV, 1)),
    Mathf.max(f32x4.extract_lane(hMaxV, 2), f32x4.extract_lane(hMaxV, 3)));
}

export function lastDeficit(): f64 {
  return deficitSum;
}
