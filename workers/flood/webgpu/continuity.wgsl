// Pass C — continuity and sources (SCHEME.md), folded with the first half of the maximum-depth reduction:
// each workgroup takes the max of its cells in workgroup memory, then one atomicMax per workgroup on the global
// value. Depths are ≥ 0, and non-negative f32 order like their bits as u32, so the max is exact (order-free).

@group(1) @binding(0) var<storage, read_write> h: array<f32>;
@group(1) @binding(1) var<storage, read> r: array<f32>;
@group(1) @binding(2) var<storage, read> q: array<f32>;
@group(1) @binding(3) var<storage, read_write> qe: array<f32>;
// Source zone per cell, four u8 per word (little-endian).
@group(1) @binding(4) var<storage, read> zone: array<u32>;
// Drainage that found no water (m), accumulated per cell over the run.
@group(1) @binding(5) var<storage, read_write> deficit: array<f32>;
@group(1) @binding(6) var<storage, read_write> maxima: array<atomic<u32>, 2>;  // [0]: depth, [1]: face speed (momentum.wgsl)

override WG_X: u32 = 16u;
override WG_Y: u32 = 16u;

// Zero-initialised at the start of every dispatch (WGSL §workgroup variables).
var<workgroup> workgroupMax: atomic<u32>;

fn source(k: u32) -> f32 {
  let s = (zone[k >> 2u] >> ((k & 3u) * 8u)) & 0xffu;
  return params.source[s >> 2u][s & 3u];
}

// Effective discharge q·r(donor): the donor is the low-index cell when q > 0, the high-index one otherwise.
fn effective(flux: f32, rLow: f32, rHigh: f32) -> f32 {
  return flux * select(rHigh, rLow, flux > 0.0);
}

fn update(i: u32, j: u32) -> f32 {
  let nx = grid.nx;
  let k = j * nx + i;
  let w = j * (nx + 1u) + i;
  let n = grid.yFaces + k;
  let rk = r[k];
  // A neighbour outside the domain (fixed-stage inflow) has r = 1.
  var rW = 1.0;
  var rE = 1.0;
  var rN = 1.0;
  var rS = 1.0;
  if (i > 0u) { rW = r[k - 1u]; }
  if (i + 1u < nx) { rE = r[k + 1u]; }
  if (j > 0u) { rN = r[k - nx]; }
  if (j + 1u < grid.ny) { rS = r[k + nx]; }
  let qeW = effective(q[w], rW, rk);
  let qeE = effective(q[w + 1u], rk, rE);
  let qeN = effective(q[n], rN, rk);
  let qeS = effective(q[n + nx], rk, rS);
  // Each face is written by one cell: its own west and north faces, the east/south edge by the last column/row.
  qe[w] = qeW;
  qe[n] = qeN;
  if (i + 1u == nx) { qe[w + 1u] = qeE; }
  if (j + 1u == grid.ny) { qe[n + nx] = qeS; }
  let next = h[k] + params.dtdx * (((qeW - qeE) + qeN) - qeS) + source(k);
  if (next < 0.0) {
    deficit[k] = deficit[k] - next;
  }
  let depth = max(next, 0.0);
  h[k] = depth;
  return depth;
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(local_invocation_index) lane: u32) {
  if (id.x < grid.nx && id.y < grid.ny) {
    atomicMax(&workgroupMax, bitcast<u32>(update(id.x, id.y)));
  }
  workgroupBarrier();
  if (lane == 0u) {
    atomicMax(&maxima[0], atomicLoad(&workgroupMax));
  }
}
