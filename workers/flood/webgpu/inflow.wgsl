// Pass D — point inflows (SCHEME.md): one invocation per distinct inflow cell adds the depth of every inflow that
// feeds it, in inflow order (as the reference does), and raises the step's maximum depth.

// cells[c] for c < m, then m + 1 offsets into the inflow ids that follow them (m = grid.inflowCells).
@group(1) @binding(0) var<storage, read> inflowIndex: array<u32>;
// Depth added to each cell of inflow i this step (m).
@group(1) @binding(1) var<storage, read> inflowDepth: array<f32>;
@group(1) @binding(2) var<storage, read_write> h: array<f32>;
@group(1) @binding(3) var<storage, read_write> maxima: array<atomic<u32>, 2>;  // [0]: depth, [1]: face speed (momentum.wgsl)

override WG: u32 = 64u;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let m = grid.inflowCells;
  let c = id.x;
  if (c >= m) {
    return;
  }
  let k = inflowIndex[c];
  var depth = h[k];
  for (var s = inflowIndex[m + c]; s < inflowIndex[m + c + 1u]; s++) {
    depth = depth + inflowDepth[inflowIndex[2u * m + 1u + s]];
    atomicMax(&maxima[0], bitcast<u32>(max(depth, 0.0)));
  }
  h[k] = depth;
}
