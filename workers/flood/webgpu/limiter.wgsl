// Pass B — outflow limiter (SCHEME.md): the factor r ≤ 1 that keeps a cell from losing more water than it holds.

@group(1) @binding(0) var<storage, read> h: array<f32>;
@group(1) @binding(1) var<storage, read> q: array<f32>;
@group(1) @binding(2) var<storage, read_write> r: array<f32>;

override WG_X: u32 = 16u;
override WG_Y: u32 = 16u;

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.x;
  let j = id.y;
  if (i >= grid.nx || j >= grid.ny) {
    return;
  }
  let k = j * grid.nx + i;
  let w = j * (grid.nx + 1u) + i;
  let n = grid.yFaces + k;
  let out = params.dtdx * (max(-q[w], 0.0) + max(q[w + 1u], 0.0) + max(-q[n], 0.0) + max(q[n + grid.nx], 0.0));
  let hk = h[k];
  r[k] = select(1.0, hk / out, out > hk);
}
