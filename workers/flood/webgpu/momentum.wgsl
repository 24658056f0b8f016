// Pass A — momentum (SCHEME.md): raw discharge of every face from the previous step's effective discharges.
// One invocation per (i, j) of an (nx + 1) × (ny + 1) lattice: it owns x face (i, j) when j < ny and
// y face (i, j) when i < nx, so every face is written by exactly one invocation. Folded with the first half of the
// face-speed reduction for the next Δt (SCHEME.md "Time step"): a workgroup max, then one atomicMax per workgroup.

@group(1) @binding(0) var<storage, read> z: array<f32>;
@group(1) @binding(1) var<storage, read> h: array<f32>;
@group(1) @binding(2) var<storage, read> manning: array<f32>;
// Effective discharges of the previous step: x faces, then y faces from grid.yFaces.
@group(1) @binding(3) var<storage, read> qe: array<f32>;
// Raw discharges written here, same layout.
@group(1) @binding(4) var<storage, read_write> q: array<f32>;
// This step's maxima as f32 bits: [0] depth (continuity.wgsl, inflow.wgsl), [1] face signal speed (here).
@group(1) @binding(5) var<storage, read_write> maxima: array<atomic<u32>, 2>;

override WG_X: u32 = 16u;
override WG_Y: u32 = 16u;

// Zero-initialised at the start of every dispatch (WGSL §workgroup variables).
var<workgroup> workgroupSpeed: atomic<u32>;

// Water level formed in f32: exactly the lake's level for a lake at rest (well-balanced, SCHEME.md).
fn level(k: u32) -> f32 {
  return z[k] + h[k];
}

// Interior face: Bates et al. (2010) semi-implicit friction with de Almeida et al. (2012) θ-weighting.
// Returns (q, signal speed |q|/hf + √(g·hf)); a dry face gives (0, 0) (SCHEME.md pass A and "Time step").
fn faceDischarge(L: u32, R: u32, own: f32, prev: f32, next: f32, qt: f32) -> vec2<f32> {
  let etaL = level(L);
  let etaR = level(R);
  let hf = max(etaL, etaR) - max(z[L], z[R]);
  if (hf <= grid.hEps) {
    return vec2<f32>(0.0, 0.0);
  }
  let qbar = grid.theta * own + 0.5 * (1.0 - grid.theta) * (prev + next);
  let qmag = sqrt(own * own + qt * qt);
  let nf = 0.5 * (manning[L] + manning[R]);
  var flux = (qbar - grid.g * hf * params.dtdx * (etaR - etaL)) / (1.0 + grid.g * params.dt * nf * nf * qmag / pow73(hf));
  let celerity = sqrt(grid.g * hf);
  // Optional Froude cap (0: none; a clamp to ±0 would zero every face).
  if (grid.froudeCap > 0.0) {
    let cap = grid.froudeCap * hf * celerity;
    flux = clamp(flux, -cap, cap);
  }
  flux = flux * wetRamp(hf);
  return vec2<f32>(flux, abs(flux) / hf + celerity);
}

// Edge face next to cell B; `outward` is +1 for east/south edges (leaving = increasing index), −1 otherwise.
fn boundaryDischarge(kind: u32, stage: f32, B: u32, own: f32, outward: f32) -> f32 {
  let hB = h[B];
  if (kind == OPEN) {
    // Free overfall at critical depth: water leaves, never enters.
    return select(0.0, outward * hB * sqrt(grid.g * hB) * wetRamp(hB), hB > grid.hEps);
  }
  if (kind != STAGE) {
    return 0.0;
  }
  // Ghost cell at the fixed stage with the edge cell's bed and roughness; θ = 1, no transverse flux.
  let zB = z[B];
  let etaB = zB + hB;
  let etaG = max(stage, zB);
  let hf = max(etaG, etaB) - zB;
  if (hf <= grid.hEps) {
    return 0.0;
  }
  let nB = manning[B];
  let gradient = outward * (etaG - etaB);
  return (own - grid.g * hf * params.dtdx * gradient) / (1.0 + grid.g * params.dt * nB * nB * abs(own) / pow73(hf)) * wetRamp(hf);
}

// (q, signal speed) of x face (i, j); boundary faces give no speed.
fn xFace(i: u32, j: u32) -> vec2<f32> {
  let nx = grid.nx;
  let face = j * (nx + 1u) + i;
  if (i == 0u) {
    return vec2<f32>(boundaryDischarge(grid.boundary.w, params.stage.w, j * nx, qe[face], -1.0), 0.0);
  }
  if (i == nx) {
    return vec2<f32>(boundaryDischarge(grid.boundary.y, params.stage.y, j * nx + nx - 1u, qe[face], 1.0), 0.0);
  }
  let L = j * nx + i - 1u;
  let y = grid.yFaces;
  let qt = 0.25 * (qe[y + L] + qe[y + L + 1u] + qe[y + L + nx] + qe[y + L + nx + 1u]);
  return faceDischarge(L, L + 1u, qe[face], qe[face - 1u], qe[face + 1u], qt);
}

fn yFace(i: u32, j: u32) -> vec2<f32> {
  let nx = grid.nx;
  let R = j * nx + i;
  let y = grid.yFaces;
  if (j == 0u) {
    return vec2<f32>(boundaryDischarge(grid.boundary.x, params.stage.x, i, qe[y + i], -1.0), 0.0);
  }
  if (j == grid.ny) {
    return vec2<f32>(boundaryDischarge(grid.boundary.z, params.stage.z, R - nx, qe[y + R], 1.0), 0.0);
  }
  let L = R - nx;
  let fL = (j - 1u) * (nx + 1u) + i;
  let fR = j * (nx + 1u) + i;
  let qt = 0.25 * (qe[fL] + qe[fL + 1u] + qe[fR] + qe[fR + 1u]);
  return faceDischarge(L, R, qe[y + R], qe[y + L], qe[y + R + nx], qt);
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(local_invocation_index) lane: u32) {
  let i = id.x;
  let j = id.y;
  // Speeds are ≥ 0, and non-negative f32 order like their bits as u32: the max is exact (order-free).
  var speed = 0.0;
  if (i <= grid.nx && j < grid.ny) {
    let face = xFace(i, j);
    q[j * (grid.nx + 1u) + i] = face.x;
    speed = face.y;
  }
  if (i < grid.nx && j <= grid.ny) {
    let face = yFace(i, j);
    q[grid.yFaces + j * grid.nx + i] = face.x;
    speed = max(speed, face.y);
  }
  if (speed > 0.0) {
    atomicMax(&workgroupSpeed, bitcast<u32>(speed));
  }
  workgroupBarrier();
  if (lane == 0u) {
    atomicMax(&maxima[1], atomicLoad(&workgroupSpeed));
  }
}
