/**
 * The few 4×4 operations the viewpoint builder needs, on column-major affine matrices such as
 * `ModelPlacement.projectToEcef` (src/bim/types.ts). Pure numbers: no Cesium, no three.js.
 */
import type { BcfVector } from '../types';

export type Matrix4 = readonly number[];

export function transformPoint(m: Matrix4, p: BcfVector): BcfVector {
  return [
    m[0]! * p[0] + m[4]! * p[1] + m[8]! * p[2] + m[12]!,
    m[1]! * p[0] + m[5]! * p[1] + m[9]! * p[2] + m[13]!,
    m[2]! * p[0] + m[6]! * p[1] + m[10]! * p[2] + m[14]!,
  ];
}

/** The linear part only, renormalised: directions do not move with the origin, nor grow with a map scale. */
export function transformDirection(m: Matrix4, d: BcfVector): BcfVector {
  const v: BcfVector = [m[0]! * d[0] + m[4]! * d[1] + m[8]! * d[2], m[1]! * d[0] + m[5]! * d[1] + m[9]! * d[2], m[2]! * d[0] + m[6]! * d[1] + m[10]! * d[2]];
  const length = Math.hypot(v[0], v[1], v[2]);
  return length === 0 ? v : [v[0] / length, v[1] / length, v[2] / length];
}

/** Plane normals follow the inverse transpose of the linear part, which keeps them normal under per-axis scales. */
export function transformNormal(m: Matrix4, n: BcfVector): BcfVector {
  const inverse = invertAffine(m);
  // (L⁻¹)ᵀ n: row r of the transpose is column r of L⁻¹, stored at r * 4.
  return transformDirection([inverse[0]!, inverse[4]!, inverse[8]!, 0, inverse[1]!, inverse[5]!, inverse[9]!, 0, inverse[2]!, inverse[6]!, inverse[10]!, 0, 0, 0, 0, 1], n);
}

/** Length scale of the linear part (cube root of its determinant): 1 for a rigid placement. */
export function linearScale(m: Matrix4): number {
  const det =
    m[0]! * (m[5]! * m[10]! - m[9]! * m[6]!) - m[4]! * (m[1]! * m[10]! - m[9]! * m[2]!) + m[8]! * (m[1]! * m[6]! - m[5]! * m[2]!);
  return Math.cbrt(Math.abs(det));
}

/** Inverse of an affine matrix (last row 0 0 0 1): the 3×3 part by cofactors, then the translation moved back. */
export function invertAffine(m: Matrix4): number[] {
  // Row-major view of the linear part: element (row r, column k) is m[k * 4 + r].
  const [[a, b, c], [d, e, f], [g, h, i]] = [0, 1, 2].map((r) => [m[r]!, m[4 + r]!, m[8 + r]!]) as [number[], number[], number[]];
  const inverse = [
    [e! * i! - f! * h!, c! * h! - b! * i!, b! * f! - c! * e!],
    [f! * g! - d! * i!, a! * i! - c! * g!, c! * d! - a! * f!],
    [d! * h! - e! * g!, b! * g! - a! * h!, a! * e! - b! * d!],
  ];
  const det = a! * inverse[0]![0]! + b! * inverse[1]![0]! + c! * inverse[2]![0]!;
  if (det === 0 || !Number.isFinite(det)) throw new Error('the placement matrix cannot be inverted');
  const out = new Array<number>(16).fill(0);
  for (let r = 0; r < 3; r++) {
    for (let k = 0; k < 3; k++) out[k * 4 + r] = inverse[r]![k]! / det;
    out[12 + r] = -(out[r]! * m[12]! + out[4 + r]! * m[13]! + out[8 + r]! * m[14]!);
  }
  out[15] = 1;
  return out;
}
