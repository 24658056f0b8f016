/**
 * Clenshaw summation of the sine series that carry the Transverse Mercator (Clenshaw 1955, Math. Tables Aids
 * Comput. 9(51) 118–120; Karney 2011 §4). The coefficient c[k] multiplies sin(2(k + 1)·x); the sums run from
 * the highest order down, which is both faster and more accurate than evaluating each sine.
 */

/** The real series Σ c[k] sin(2(k + 1)·x). */
export function sineSeries(c: Float64Array, x: number): number {
  const twoCos = 2 * Math.cos(2 * x);
  let b1 = 0;
  let b2 = 0;
  for (let k = c.length - 1; k >= 0; k--) {
    const b0 = c[k]! + twoCos * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return b1 * Math.sin(2 * x);
}

/**
 * The same series at the complex point ζ = ξ + iη: writes Re and Im of Σ c[k] sin(2(k + 1)·ζ) into `result`.
 * With sin 2ζ = sin 2ξ cosh 2η + i cos 2ξ sinh 2η and cos 2ζ = cos 2ξ cosh 2η − i sin 2ξ sinh 2η.
 */
export function complexSineSeries(c: Float64Array, xi: number, eta: number, result: [number, number]): void {
  const sin2Xi = Math.sin(2 * xi);
  const cos2Xi = Math.cos(2 * xi);
  const sinh2Eta = Math.sinh(2 * eta);
  const cosh2Eta = Math.cosh(2 * eta);
  const twoCosRe = 2 * cos2Xi * cosh2Eta;
  const twoCosIm = -2 * sin2Xi * sinh2Eta;
  let b1Re = 0;
  let b1Im = 0;
  let b2Re = 0;
  let b2Im = 0;
  for (let k = c.length - 1; k >= 0; k--) {
    const b0Re = c[k]! + twoCosRe * b1Re - twoCosIm * b1Im - b2Re;
    const b0Im = twoCosRe * b1Im + twoCosIm * b1Re - b2Im;
    b2Re = b1Re;
    b2Im = b1Im;
    b1Re = b0Re;
    b1Im = b0Im;
  }
  const sinRe = sin2Xi * cosh2Eta;
  const sinIm = cos2Xi * sinh2Eta;
  result[0] = sinRe * b1Re - sinIm * b1Im;
  result[1] = sinRe * b1Im + sinIm * b1Re;
}
