// Per-step diagnostics that never feed back into the state (SCHEME.md "Reductions and diagnostics"), kept on the
// GPU so that a step reads back nothing but the maximum depth:
// - the volume through each edge face (outward positive), a Kahan-compensated f32 sum over the run;
// - the peak stage at each gauge and the time it was reached.
// One invocation per edge face, then one per gauge.

@group(1) @binding(0) var<storage, read> z: array<f32>;
@group(1) @binding(1) var<storage, read> h: array<f32>;
@group(1) @binding(2) var<storage, read> qe: array<f32>;
// Per edge face: (sum, compensation), m³. Faces: west rows, east rows, north columns, south columns.
@group(1) @binding(3) var<storage, read_write> edgeVolume: array<vec2<f32>>;
@group(1) @binding(4) var<storage, read> gaugeCell: array<u32>;
// Per gauge: (peak stage, peak time hi, peak time lo, unused).
@group(1) @binding(5) var<storage, read_write> gaugePeak: array<vec4<f32>>;

override WG: u32 = 64u;

// Index in `qe` and outward sign of edge face e.
fn edgeFace(e: u32) -> vec2<u32> {
  let nx = grid.nx;
  let ny = grid.ny;
  if (e < ny) { return vec2<u32>(e * (nx + 1u), 0u); }
  if (e < 2u * ny) { return vec2<u32>((e - ny) * (nx + 1u) + nx, 1u); }
  if (e < 2u * ny + nx) { return vec2<u32>(grid.yFaces + e - 2u * ny, 0u); }
  return vec2<u32>(grid.yFaces + ny * nx + (e - 2u * ny - nx), 1u);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let e = id.x;
  if (e < grid.edgeFaces) {
    let face = edgeFace(e);
    let outward = select(-1.0, 1.0, face.y == 1u);
    let volume = outward * qe[face.x] * grid.dx * params.dt;
    let acc = edgeVolume[e];
    let y = volume - acc.y;
    let t = acc.x + y;
    edgeVolume[e] = vec2<f32>(t, (t - acc.x) - y);
    return;
  }
  let g = e - grid.edgeFaces;
  if (g >= grid.gauges) {
    return;
  }
  let k = gaugeCell[g];
  let stage = z[k] + h[k];
  if (stage > gaugePeak[g].x) {
    gaugePeak[g] = vec4<f32>(stage, params.tHi, params.tLo, 0.0);
  }
}
