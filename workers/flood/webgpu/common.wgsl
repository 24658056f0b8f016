// Shared by every pass of the flood step (SCHEME.md): the run's constants and this step's parameters, bound
// once as group 0. Prepended to each pass's source by pipelines.ts (WGSL has no include).

struct Grid {
  nx: u32,
  ny: u32,
  dx: f32,
  g: f32,
  theta: f32,
  hEps: f32,
  // 2·(nx + ny) edge faces, then the gauges: one invocation each in diagnostics.wgsl.
  edgeFaces: u32,
  gauges: u32,
  // Distinct cells fed by point inflows (inflow.wgsl).
  inflowCells: u32,
  // Offset of the first y face in the face arrays (x faces first): (nx + 1)·ny.
  yFaces: u32,
  // Optional Froude cap of interior face discharges (SCHEME.md pass A); 0 (the default): no cap.
  froudeCap: f32,
  // Boundary kind per edge, N, E, S, W (0 wall, 1 open, 2 fixed stage; workers/flood/kernel.ts).
  boundary: vec4<u32>,
}

struct Step {
  dt: f32,
  // Δt/Δx rounded once on the host, as every pass uses it.
  dtdx: f32,
  // Time at the end of the step, f64 split as hi + lo (for the gauge peak times).
  tHi: f32,
  tLo: f32,
  // Fixed-stage level per edge at the start of the step, N, E, S, W (datum-shifted).
  stage: vec4<f32>,
  // m of water added per source zone this step (rain − drainage); zone 255 (inactive) stays 0.
  source: array<vec4<f32>, 64>,
}

@group(0) @binding(0) var<uniform> grid: Grid;
@group(0) @binding(1) var<uniform> params: Step;

const WALL: u32 = 0u;
const OPEN: u32 = 1u;
const STAGE: u32 = 2u;

// Wetting ramp clamp((hf − hEps)/hEps, 0, 1) (SCHEME.md pass A): a face opens continuously above hEps.
fn wetRamp(hf: f32) -> f32 {
  return clamp((hf - grid.hEps) / grid.hEps, 0.0, 1.0);
}

// hf^(7/3) = hf²·cbrt(hf). WGSL has no cbrt and pow is exp2(y·log2 x) with a loose error bound, so one Newton step
// on c³ = hf brings the cube root to about an ulp (SCHEME.md allows a few ulps between backends).
fn pow73(hf: f32) -> f32 {
  var c = pow(hf, 1.0 / 3.0);
  c = c - (c * c * c - hf) / (3.0 * c * c);
  return hf * hf * c;
}
