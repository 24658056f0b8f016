// The WASM flood kernel: SCHEME.md passes A, B, C in AssemblyScript with 128-bit SIMD (four f32 cells or faces
// per instruction), fused into ONE sweep over the rows of a band. Memory is imported (and shared when several
// workers split the rows); every array pointer comes from workers/flood/layout.ts through `configure`. Globals
// are per instance, i.e. per worker.
//
// The fused sweep (SCHEME.md "Passes fused in one sweep"): at row s it computes the faces of row s (pass A), the
// limiter of row s − 1 (pass B) and the continuity of row s − 2 (pass C). Raw discharges and limiter factors live
// only in a 4-row ring per thread (they never reach main memory); a cell's level/discharges are overwritten by
// pass C only once no later face reads them. Each band also computes pass A/B for one row above and below itself
// (redundantly, bit-identically to the owner), reading the neighbour's state from a halo copy the neighbour
// exported at the end of the previous step, so a step needs one barrier (the max reduction) instead of three.
// Minima and maxima use f32x4.pmin/pmax (one x86 minps/maxps each): the IEEE f32x4.min/max that treat NaN and
// ±0 specially cost V8 about eight instructions each. No operand here is NaN, so only the sign of a zero result
// can differ from Math.min/max — numerically the same value (+60 % cell updates per second).
// Rows are split between threads, never columns, so the SIMD/scalar split of a row is the same for any thread
// count and one thread and N threads give bitwise the same state.

let nx: i32 = 0;
let ny: i32 = 0;
let dx: f32 = 1;
let g: f32 = 9.81;
let theta: f32 = 0.7;
let hEps: f32 = 0.001;
let invHEps: f32 = 1000;
let froudeCap: f32 = 0;
let pZ: usize = 0;
let pH: usize = 0;
let pMan: usize = 0;
let pQxe: usize = 0;
let pQye: usize = 0;
let pZone: usize = 0;
let pSource: usize = 0;
let pStages: usize = 0;
let kindN: i32 = 0;
let kindE: i32 = 0;
let kindS: i32 = 0;
let kindW: i32 = 0;
let thread: i32 = 0;
// Per-thread ring of 4 rows: raw x-face discharges (row stride sx), raw north-face discharges (stride sy) and
// limiter factors (stride sr, one padding 1.0 on each side, so r of a cell outside the domain reads as 1).
let pRingQx: usize = 0;
let pRingQy: usize = 0;
let pRingR: usize = 0;
// A row of ones (the r of the rows outside the domain).
let pOnes: usize = 0;
let sx: i32 = 0;
let sy: i32 = 0;
let sr: i32 = 0;
// Halo blocks: per thread and step parity, 13 row slots of `haloSlot` bytes (see `exportHalo`).
let pHalo: usize = 0;
let haloSlot: usize = 0;

let deficitSum: f64 = 0;
let hMaxV: v128 = f32x4.splat(0);
let deficitV: v128 = f32x4.splat(0);
let speedV: v128 = f32x4.splat(0);
// Band being stepped and the parity of the halo it reads.
let bj0: i32 = 0;
let bj1: i32 = 0;
let parity: i32 = 0;

const OPEN: i32 = 1;
const STAGE: i32 = 2;
// Initial guess of x^(-1/3) from the float's bits (a "magic constant" like the fast inverse square root).
const RCBRT_MAGIC: i32 = 0x54a2fa8c;
const THIRD: f32 = 1.0 / 3.0;
const HALO_SLOTS: i32 = 13;

export function configure(
  nx_: i32, ny_: i32, dx_: f32, g_: f32, theta_: f32, hEps_: f32, froudeCap_: f32,
  z: usize, h: usize, manning: usize, qxe: usize, qye: usize, zone: usize,
  block: usize, kN: i32, kE: i32, kS: i32, kW: i32, thread_: i32, ring: usize, halo: usize,
): void {
  nx = nx_; ny = ny_; dx = dx_; g = g_; theta = theta_; hEps = hEps_; invHEps = 1 / hEps_; froudeCap = froudeCap_;
  pZ = z; pH = h; pMan = manning; pQxe = qxe; pQye = qye; pZone = zone;
  pSource = block; pStages = block + 1024;
  kindN = kN; kindE = kE; kindS = kS; kindW = kW;
  thread = thread_;
  sx = (nx + 4) & ~3;
  sy = sx;
  sr = sx + 4;
  pRingQx = ring;
  pRingQy = pRingQx + <usize>(4 * sx) * 4;
  pRingR = pRingQy + <usize>(4 * sy) * 4;
  pOnes = pRingR + <usize>(4 * sr) * 4;
  for (let k = 0; k < 5 * sr; k++) store<f32>(pRingR + (<usize>k << 2), 1);
  pHalo = halo;
  haloSlot = <usize>sx * 4;
}

/** Bytes of the per-thread ring for a grid `nx_` wide (layout.ts reserves this much per thread). */
export function ringBytes(nx_: i32): i32 {
  const s = (nx_ + 4) & ~3;
  return (4 * s + 4 * s + 5 * (s + 4)) * 4;
}

@inline function f32At(base: usize, index: i32): f32 {
  return load<f32>(base + (<usize>index << 2));
}
@inline function v4At(base: usize, index: i32): v128 {
  return v128.load(base + (<usize>index << 2));
}

// ---- Row addressing: live state for the band's rows and the domain, halo copies for the neighbours' rows ----

// Slots of an exported halo block: top rows j0, j0+1 (h, qxe) and j0..j0+2 (qye); bottom rows j1−2, j1−1.
const SLOT_TOP_H: i32 = 0;
const SLOT_TOP_QXE: i32 = 2;
const SLOT_TOP_QYE: i32 = 4;
const SLOT_BOTTOM_H: i32 = 7;
const SLOT_BOTTOM_QXE: i32 = 9;
const SLOT_BOTTOM_QYE: i32 = 11;

@inline function haloBlock(t: i32, p: i32): usize {
  return pHalo + <usize>((t * 2 + p) * HALO_SLOTS) * haloSlot;
}
// Row j of an array (live base `live`, row stride `stride` floats), or its copy in a neighbour's halo block.
@inline function rowOf(live: usize, stride: i32, j: i32, slotTop: i32, slotBottom: i32): usize {
  if (j < bj0) return haloBlock(thread - 1, parity) + <usize>(slotBottom + j - (bj0 - 2)) * haloSlot;
  if (j >= bj1 && bj1 < ny) return haloBlock(thread + 1, parity) + <usize>(slotTop + j - bj1) * haloSlot;
  return live + (<usize>(j * stride) << 2);
}
@inline function hRow(j: i32): usize {
  return rowOf(pH, nx, j, SLOT_TOP_H, SLOT_BOTTOM_H);
}
@inline function qxeRow(j: i32): usize {
  return rowOf(pQxe, nx + 1, j, SLOT_TOP_QXE, SLOT_BOTTOM_QXE);
}
@inline function qyeRow(j: i32): usize {
  return rowOf(pQye, nx, j, SLOT_TOP_QYE, SLOT_BOTTOM_QYE);
}
@inline function ringQx(j: i32): usize {
  return pRingQx + (<usize>((j & 3) * sx) << 2);
}
@inline function ringQy(j: i32): usize {
  return pRingQy + (<usize>((j & 3) * sy) << 2);
}
// Limiter factors of row j, index 0 = cell 0 (index −1 and nx are the padding ones); outside the domain: ones.
@inline function ringR(j: i32): usize {
  if (j < 0 || j >= ny) return pOnes + 4;
  return pRingR + (<usize>((j & 3) * sr + 1) << 2);
}

/**
 * Copies the band's first and last rows into this thread's halo block for `parity_` (the step that reads them).
 * Called after the step's pass D (point inflows), when the state of the band is final for the step.
 */
export function exportHalo(j0: i32, j1: i32, parity_: i32): void {
  const block = haloBlock(thread, parity_);
  const rowH = <usize>nx << 2;
  const rowX = <usize>(nx + 1) << 2;
  for (let r = 0; r < 2; r++) {
    memory.copy(block + <usize>(SLOT_TOP_H + r) * haloSlot, pH + <usize>(j0 + r) * rowH, rowH);
    memory.copy(block + <usize>(SLOT_TOP_QXE + r) * haloSlot, pQxe + <usize>(j0 + r) * rowX, rowX);
    memory.copy(block + <usize>(SLOT_BOTTOM_H + r) * haloSlot, pH + <usize>(j1 - 2 + r) * rowH, rowH);
    memory.copy(block + <usize>(SLOT_BOTTOM_QXE + r) * haloSlot, pQxe + <usize>(j1 - 2 + r) * rowX, rowX);
    memory.copy(block + <usize>(SLOT_BOTTOM_QYE + r) * haloSlot, pQye + <usize>(j1 - 2 + r) * rowH, rowH);
  }
  for (let r = 0; r < 3; r++) {
    memory.copy(block + <usize>(SLOT_TOP_QYE + r) * haloSlot, pQye + <usize>(j0 + r) * rowH, rowH);
  }
}

// x^(-1/3) by three Newton steps on y ← y(4 − x·y³)/3 from a bit-level first guess; relative error < 2e-7 over
// 1e-4…1e3 m. hf^(-7/3) = y⁷ and 1/hf = y³ follow without a division.
@inline function invCbrt4(x: v128): v128 {
  const bits = f32x4.convert_i32x4_s(x);
  let y = i32x4.sub(i32x4.splat(RCBRT_MAGIC), i32x4.trunc_sat_f32x4_s(f32x4.mul(bits, f32x4.splat(THIRD))));
  const four = f32x4.splat(4);
  const third = f32x4.splat(THIRD);
  for (let k = 0; k < 3; k++) {
    y = f32x4.mul(f32x4.mul(y, f32x4.sub(four, f32x4.mul(x, f32x4.mul(f32x4.mul(y, y), y)))), third);
  }
  return y;
}
@inline function invPow73(x: f32): f32 {
  const y = invCbrt4(f32x4.splat(x));
  const y3 = f32x4.mul(f32x4.mul(y, y), y);
  return f32x4.extract_lane(f32x4.mul(f32x4.mul(y3, y3), y), 0);
}

@inline function wetRamp4(hf: v128): v128 {
  const w = f32x4.mul(f32x4.sub(hf, f32x4.splat(hEps)), f32x4.splat(invHEps));
  return f32x4.pmin(f32x4.pmax(w, f32x4.splat(0)), f32x4.splat(1));
}
@inline function wetRamp(hf: f32): f32 {
  return Mathf.min(Mathf.max((hf - hEps) * invHEps, 0), 1);
}

// Interior face, four at a time (SCHEME.md pass A; Bates et al. 2010 semi-implicit friction,
// de Almeida et al. 2012 θ-weighting). Dry lanes (hf ≤ hEps) give 0. Folds the face's signal speed
// |q|/hf + √(g·hf) of wet lanes into `speedV` (SCHEME.md "Time step").
@inline function faceDischarge4(
  etaL: v128, etaR: v128, zL: v128, zR: v128, nL: v128, nR: v128, qe: v128, qePrev: v128, qeNext: v128, qt: v128,
  gdtdx: v128, gdt: v128,
): v128 {
  const hf = f32x4.sub(f32x4.pmax(etaL, etaR), f32x4.pmax(zL, zR));
  const wet = f32x4.gt(hf, f32x4.splat(hEps));
  const hs = f32x4.pmax(hf, f32x4.splat(hEps));
  const qbar = f32x4.add(f32x4.mul(f32x4.splat(theta), qe), f32x4.mul(f32x4.splat(0.5 * (1 - theta)), f32x4.add(qePrev, qeNext)));
  const qmag = f32x4.sqrt(f32x4.add(f32x4.mul(qe, qe), f32x4.mul(qt, qt)));
  const nf = f32x4.mul(f32x4.splat(0.5), f32x4.add(nL, nR));
  const y = invCbrt4(hs);
  const y3 = f32x4.mul(f32x4.mul(y, y), y);
  const y7 = f32x4.mul(f32x4.mul(y3, y3), y);
  const numerator = f32x4.sub(qbar, f32x4.mul(f32x4.mul(gdtdx, hs), f32x4.sub(etaR, etaL)));
  const friction = f32x4.mul(f32x4.mul(gdt, f32x4.mul(nf, nf)), f32x4.mul(qmag, y7));
  const celerity = f32x4.sqrt(f32x4.mul(f32x4.splat(g), hs));
  let q = f32x4.div(numerator, f32x4.add(f32x4.splat(1), friction));
  if (froudeCap > 0) {
    // Optional Froude cap (0: none): |q| ≤ Fr_max·hf·√(g·hf).
    const qCap = f32x4.mul(f32x4.mul(f32x4.splat(froudeCap), hs), celerity);
    q = f32x4.pmax(f32x4.pmin(q, qCap), f32x4.neg(qCap));
  }
  // Wetting ramp w = clamp((hf − hEps)/hEps, 0, 1): the face opens continuously, so an ulp of hf around hEps
  // changes q by an ulp's worth, not by q(hEps) (SCHEME.md pass A).
  q = v128.and(f32x4.mul(q, wetRamp4(hf)), wet);
  speedV = f32x4.pmax(speedV, v128.and(f32x4.add(f32x4.mul(f32x4.abs(q), y3), celerity), wet));
  return q;
}

// Boundary face (SCHEME.md "Boundary faces"); `outward` is +1 for east/south edges, −1 for west/north.
function boundaryDischarge(kind: i32, stage: f32, hB: f32, zB: f32, nB: f32, qe: f32, outward: f32, dt: f32): f32 {
  if (kind == OPEN) return hB > hEps ? outward * hB * Mathf.sqrt(g * hB) * wetRamp(hB) : 0;
  if (kind != STAGE) return 0;
  const etaB = zB + hB;
  const etaG = Mathf.max(stage, zB);
  const hf = Mathf.max(etaG, etaB) - zB;
  if (hf <= hEps) return 0;
  const gradient = outward * (etaG - etaB);
  return (qe - g * hf * (dt / dx) * gradient) / (1 + g * dt * nB * nB * Mathf.abs(qe) * invPow73(hf)) * wetRamp(hf);
}

// Pass A, x faces of row s (interior faces 1..nx−1 and the two edge faces) into the ring.
function momentumX(s: i32, dt: f32): void {
  const h = hRow(s);
  const z = pZ + (<usize>(s * nx) << 2);
  const n = pMan + (<usize>(s * nx) << 2);
  const qe = qxeRow(s);
  const qyN = qyeRow(s);
  const qyS = qyeRow(s + 1);
  const out = ringQx(s);
  const gdtdx = f32x4.splat(g * (dt / dx));
  const gdt = f32x4.splat(g * dt);
  const quarter = f32x4.splat(0.25);
  let i = 1;
  for (; i + 4 <= nx; i += 4) {
    const L = i - 1;
    const qt = f32x4.mul(quarter, f32x4.add(f32x4.add(v4At(qyN, L), v4At(qyN, i)), f32x4.add(v4At(qyS, L), v4At(qyS, i))));
    const zL = v4At(z, L);
    const zR = v4At(z, i);
    v128.store(out + (<usize>i << 2), faceDischarge4(
      f32x4.add(zL, v4At(h, L)), f32x4.add(zR, v4At(h, i)), zL, zR, v4At(n, L), v4At(n, i),
      v4At(qe, i), v4At(qe, L), v4At(qe, i + 1), qt, gdtdx, gdt));
  }
  for (; i < nx; i++) {
    const L = i - 1;
    const qt: f32 = 0.25 * (f32At(qyN, L) + f32At(qyN, i) + (f32At(qyS, L) + f32At(qyS, i)));
    const zL = f32At(z, L);
    const zR = f32At(z, i);
    store<f32>(out + (<usize>i << 2), f32x4.extract_lane(faceDischarge4(
      f32x4.splat(zL + f32At(h, L)), f32x4.splat(zR + f32At(h, i)), f32x4.splat(zL), f32x4.splat(zR),
      f32x4.splat(f32At(n, L)), f32x4.splat(f32At(n, i)), f32x4.splat(f32At(qe, i)), f32x4.splat(f32At(qe, L)),
      f32x4.splat(f32At(qe, i + 1)), f32x4.splat(qt), gdtdx, gdt), 0));
  }
  store<f32>(out, boundaryDischarge(kindW, load<f32>(pStages + 12), f32At(h, 0), f32At(z, 0), f32At(n, 0), f32At(qe, 0), -1, dt));
  store<f32>(out + (<usize>nx << 2), boundaryDischarge(kindE, load<f32>(pStages + 4),
    f32At(h, nx - 1), f32At(z, nx - 1), f32At(n, nx - 1), f32At(qe, nx), 1, dt));
}

// Pass A, the north faces of row s (0 ≤ s ≤ ny; s = 0 and s = ny are the edges) into the ring.
function momentumY(s: i32, dt: f32): void {
  const out = ringQy(s);
  if (s == 0 || s == ny) {
    const b = s == 0 ? 0 : ny - 1;
    const h = hRow(b);
    const z = pZ + (<usize>(b * nx) << 2);
    const n = pMan + (<usize>(b * nx) << 2);
    const qe = qyeRow(s);
    const kind = s == 0 ? kindN : kindS;
    const stage = load<f32>(pStages + (s == 0 ? 0 : 8));
    const outward: f32 = s == 0 ? -1 : 1;
    for (let i = 0; i < nx; i++) {
      store<f32>(out + (<usize>i << 2), boundaryDischarge(kind, stage, f32At(h, i), f32At(z, i), f32At(n, i), f32At(qe, i), outward, dt));
    }
    return;
  }
  const hL = hRow(s - 1);
  const hR = hRow(s);
  const zL = pZ + (<usize>((s - 1) * nx) << 2);
  const zR = zL + (<usize>nx << 2);
  const nL = pMan + (<usize>((s - 1) * nx) << 2);
  const nR = nL + (<usize>nx << 2);
  const qe = qyeRow(s);
  const qePrev = qyeRow(s - 1);
  const qeNext = qyeRow(s + 1);
  const qxL = qxeRow(s - 1);
  const qxR = qxeRow(s);
  const gdtdx = f32x4.splat(g * (dt / dx));
  const gdt = f32x4.splat(g * dt);
  const quarter = f32x4.splat(0.25);
  let i = 0;
  for (; i + 4 <= nx; i += 4) {
    const qt = f32x4.mul(quarter, f32x4.add(
      f32x4.add(v4At(qxL, i), v4At(qxL, i + 1)), f32x4.add(v4At(qxR, i), v4At(qxR, i + 1))));
    const zl = v4At(zL, i);
    const zr = v4At(zR, i);
    v128.store(out + (<usize>i << 2), faceDischarge4(
      f32x4.add(zl, v4At(hL, i)), f32x4.add(zr, v4At(hR, i)), zl, zr, v4At(nL, i), v4At(nR, i),
      v4At(qe, i), v4At(qePrev, i), v4At(qeNext, i), qt, gdtdx, gdt));
  }
  for (; i < nx; i++) {
    const qt: f32 = 0.25 * (f32At(qxL, i) + f32At(qxL, i + 1) + (f32At(qxR, i) + f32At(qxR, i + 1)));
    const zl = f32At(zL, i);
    const zr = f32At(zR, i);
    store<f32>(out + (<usize>i << 2), f32x4.extract_lane(faceDischarge4(
      f32x4.splat(zl + f32At(hL, i)), f32x4.splat(zr + f32At(hR, i)), f32x4.splat(zl), f32x4.splat(zr),
      f32x4.splat(f32At(nL, i)), f32x4.splat(f32At(nR, i)), f32x4.splat(f32At(qe, i)), f32x4.splat(f32At(qePrev, i)),
      f32x4.splat(f32At(qeNext, i)), f32x4.splat(qt), gdtdx, gdt), 0));
  }
}

// Outflow limiter of four cells (SCHEME.md pass B).
@inline function limiter4(qW: v128, qE: v128, qN: v128, qS: v128, h: v128, dtdx: v128): v128 {
  const zero = f32x4.splat(0);
  const out = f32x4.mul(dtdx, f32x4.add(
    f32x4.add(f32x4.pmax(f32x4.neg(qW), zero), f32x4.pmax(qE, zero)),
    f32x4.add(f32x4.pmax(f32x4.neg(qN), zero), f32x4.pmax(qS, zero))));
  return v128.bitselect(f32x4.div(h, out), f32x4.splat(1), f32x4.gt(out, h));
}

// Pass B, row s, from the ring into the ring.
function limiterRow(s: i32, dtdx: v128): void {
  const qx = ringQx(s);
  const qyN = ringQy(s);
  const qyS = ringQy(s + 1);
  const h = hRow(s);
  const out = ringR(s);
  let i = 0;
  for (; i + 4 <= nx; i += 4) {
    v128.store(out + (<usize>i << 2), limiter4(v4At(qx, i), v4At(qx, i + 1), v4At(qyN, i), v4At(qyS, i), v4At(h, i), dtdx));
  }
  for (; i < nx; i++) {
    store<f32>(out + (<usize>i << 2), f32x4.extract_lane(limiter4(
      f32x4.splat(f32At(qx, i)), f32x4.splat(f32At(qx, i + 1)), f32x4.splat(f32At(qyN, i)), f32x4.splat(f32At(qyS, i)),
      f32x4.splat(f32At(h, i)), dtdx), 0));
  }
}

// Effective discharge q·r(donor): the donor is the low-index cell when q > 0 (SCHEME.md pass C).
@inline function effective4(q: v128, rLow: v128, rHigh: v128): v128 {
  return f32x4.mul(q, v128.bitselect(rLow, rHigh, f32x4.gt(q, f32x4.splat(0))));
}

@inline function effective1(q: f32, rLow: f32, rHigh: f32): f32 {
  return q * (q > 0 ? rLow : rHigh);
}

@inline function source4(zone: usize): v128 {
  let s = f32x4.splat(f32At(pSource, <i32>load<u8>(zone)));
  s = f32x4.replace_lane(s, 1, f32At(pSource, <i32>load<u8>(zone + 1)));
  s = f32x4.replace_lane(s, 2, f32At(pSource, <i32>load<u8>(zone + 2)));
  s = f32x4.replace_lane(s, 3, f32At(pSource, <i32>load<u8>(zone + 3)));
  return s;
}

// Continuity of four cells at column i of row s (SCHEME.md pass C); writes h, qxe, qye; folds hMax and deficit.
@inline function continuity4(
  i: i32, qx: usize, qyN: usize, qyS: usize, rN: usize, r: usize, rS: usize, h: usize, qxe: usize, qye: usize,
  zone: usize, dtdx: v128,
): v128 {
  const rk = v4At(r, i);
  const qeW = effective4(v4At(qx, i), v4At(r, i - 1), rk);
  const qeE = effective4(v4At(qx, i + 1), rk, v4At(r, i + 1));
  const qeN = effective4(v4At(qyN, i), v4At(rN, i), rk);
  const qeS = effective4(v4At(qyS, i), rk, v4At(rS, i));
  v128.store(qxe + (<usize>i << 2), qeW);
  v128.store(qye + (<usize>i << 2), qeN);
  const next = f32x4.add(f32x4.add(v4At(h, i), f32x4.mul(dtdx, f32x4.sub(f32x4.add(f32x4.sub(qeW, qeE), qeN), qeS))), source4(zone + <usize>i));
  const zero = f32x4.splat(0);
  deficitV = f32x4.add(deficitV, f32x4.pmax(f32x4.neg(next), zero));
  const hNew = f32x4.pmax(next, zero);
  hMaxV = f32x4.pmax(hMaxV, hNew);
  return hNew;
}

// Pass C, row s (a row of the band: live state).
function continuityRow(s: i32, dtdx: v128): void {
  const qx = ringQx(s);
  const qyN = ringQy(s);
  const qyS = ringQy(s + 1);
  const rN = ringR(s - 1);
  const r = ringR(s);
  const rS = ringR(s + 1);
  const h = pH + (<usize>(s * nx) << 2);
  const qxe = pQxe + (<usize>(s * (nx + 1)) << 2);
  const qye = pQye + (<usize>(s * nx) << 2);
  const zone = pZone + <usize>(s * nx);
  deficitV = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= nx; i += 4) {
    v128.store(h + (<usize>i << 2), continuity4(i, qx, qyN, qyS, rN, r, rS, h, qxe, qye, zone, dtdx));
  }
  // The last 1–3 cells: the same arithmetic in lane 0 (lanes 1–3 masked out of the reductions).
  for (; i < nx; i++) {
    const rk = f32At(r, i);
    const qeW = effective1(f32At(qx, i), f32At(r, i - 1), rk);
    const qeE = effective1(f32At(qx, i + 1), rk, f32At(r, i + 1));
    const qeN = effective1(f32At(qyN, i), f32At(rN, i), rk);
    const qeS = effective1(f32At(qyS, i), rk, f32At(rS, i));
    store<f32>(qxe + (<usize>i << 2), qeW);
    store<f32>(qye + (<usize>i << 2), qeN);
    const next: f32 = f32At(h, i) + f32x4.extract_lane(dtdx, 0) * (qeW - qeE + qeN - qeS)
      + f32At(pSource, <i32>load<u8>(zone + <usize>i));
    deficitV = f32x4.add(deficitV, f32x4(Mathf.max(-next, 0), 0, 0, 0));
    const hNew = Mathf.max(next, 0);
    store<f32>(h + (<usize>i << 2), hNew);
    hMaxV = f32x4.pmax(hMaxV, f32x4.splat(hNew));
  }
  // The east edge face, and the south edge faces on the last row.
  const qLast = f32At(qx, nx);
  store<f32>(qxe + (<usize>nx << 2), qLast * (qLast > 0 ? f32At(r, nx - 1) : 1));
  if (s == ny - 1) {
    const qyeS = pQye + (<usize>(ny * nx) << 2);
    for (let k = 0; k < nx; k++) {
      const q = f32At(qyS, k);
      store<f32>(qyeS + (<usize>k << 2), q * (q > 0 ? f32At(r, k) : 1));
    }
  }
  deficitSum += <f64>f32x4.extract_lane(deficitV, 0) + <f64>f32x4.extract_lane(deficitV, 1)
    + <f64>f32x4.extract_lane(deficitV, 2) + <f64>f32x4.extract_lane(deficitV, 3);
}

/**
 * One step of rows [j0, j1) (SCHEME.md passes A–C, fused). `parity_` selects the halo blocks the neighbours
 * exported for this step. Returns the band's maximum depth; `lastDeficit()` the summed deficit (m) and
 * `lastSpeed()` the largest face signal speed (m/s) of the faces it computed.
 */
export function step(j0: i32, j1: i32, dt: f32, parity_: i32): f32 {
  bj0 = j0; bj1 = j1; parity = parity_;
  const dtdx = f32x4.splat(dt / dx);
  hMaxV = f32x4.splat(0);
  speedV = f32x4.splat(0);
  deficitSum = 0;
  const jB0 = j0 > 0 ? j0 - 1 : 0;
  const jB1 = j1 < ny ? j1 + 1 : ny;
  for (let s = jB0; s <= j1 + 1; s++) {
    if (s <= jB1) momentumY(s, dt);
    if (s < jB1) momentumX(s, dt);
    if (s - 1 >= jB0 && s - 1 < jB1) limiterRow(s - 1, dtdx);
    if (s - 2 >= j0 && s - 2 < j1) continuityRow(s - 2, dtdx);
  }
  return Mathf.max(Mathf.max(f32x4.extract_lane(hMaxV, 0), f32x4.extract_lane(hMaxV, 1)),
    Mathf.max(f32x4.extract_lane(hMaxV, 2), f32x4.extract_lane(hMaxV, 3)));
}

export function lastDeficit(): f64 {
  return deficitSum;
}

export function lastSpeed(): f32 {
  return Mathf.max(Mathf.max(f32x4.extract_lane(speedV, 0), f32x4.extract_lane(speedV, 1)),
    Mathf.max(f32x4.extract_lane(speedV, 2), f32x4.extract_lane(speedV, 3)));
}
