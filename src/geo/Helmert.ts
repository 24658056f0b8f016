import { ARCSECONDS_TO_RADIANS } from './angles';
import { CrsError } from './CrsError';
import type { Coordinate3, HelmertParameters } from './types';

/**
 * The 7-parameter Helmert transformation between geocentric frames, Position Vector convention (EPSG method
 * 9606) with the small-angle rotation matrix, exactly as PROJ applies `+towgs84` (helmert.cpp, `exact` off):
 *
 *   X′ = T + (1 + ds·10⁻⁶) · R · X,   R = I + [ω]× = ⎡  1   −rz   ry ⎤
 *                                                  ⎢  rz   1   −rx ⎥
 *                                                  ⎣ −ry   rx   1  ⎦
 *
 * The Coordinate Frame convention (EPSG method 9607: Vietnam's Decision 05/2007/QĐ-BTNMT, EPSG:6960) is the same
 * formula with the rotations negated. Copying coordinate-frame rotations into a position-vector slot turns the
 * rotation the wrong way: about 0.75 m in Vietnam (see VN2000_TO_WGS84 in datums.ts).
 */
export class Helmert {
  private readonly tx: number;
  private readonly ty: number;
  private readonly tz: number;
  private readonly rx: number;
  private readonly ry: number;
  private readonly rz: number;
  private readonly scale: number;
  /** 1 + |ω|², the determinant of R; see `inverse`. */
  private readonly determinant: number;

  constructor(parameters: HelmertParameters) {
    this.tx = parameters.tx;
    this.ty = parameters.ty;
    this.tz = parameters.tz;
    this.rx = parameters.rx * ARCSECONDS_TO_RADIANS;
    this.ry = parameters.ry * ARCSECONDS_TO_RADIANS;
    this.rz = parameters.rz * ARCSECONDS_TO_RADIANS;
    this.scale = 1 + parameters.ds * 1e-6;
    this.determinant = 1 + this.rx * this.rx + this.ry * this.ry + this.rz * this.rz;
  }

  /** Source frame → target frame (for `+towgs84`: datum → WGS 84). Writes X′, Y′, Z′ in metres. */
  forward(x: number, y: number, z: number, result: Coordinate3): Coordinate3 {
    const { rx, ry, rz, scale } = this;
    result[0] = this.tx + scale * (x - rz * y + ry * z);
    result[1] = this.ty + scale * (rz * x + y - rx * z);
    result[2] = this.tz + scale * (-ry * x + rx * y + z);
    return result;
  }

  /**
   * Target frame → source frame, the exact inverse of `forward`. R = I + [ω]× is not orthogonal; its inverse
   * is (I − [ω]× + ω ωᵀ) / (1 + |ω|²). PROJ multiplies by the transpose I − [ω]× instead; the two differ
   * by |ω|²·|X| ≈ 0.06 µm for VN-2000, while this one closes the round trip to rounding error.
   */
  inverse(x: number, y: number, z: number, result: Coordinate3): Coordinate3 {
    const { rx, ry, rz } = this;
    const u = (x - this.tx) / this.scale;
    const v = (y - this.ty) / this.scale;
    const w = (z - this.tz) / this.scale;
    const omegaDotU = rx * u + ry * v + rz * w;
    result[0] = (u + rz * v - ry * w + rx * omegaDotU) / this.determinant;
    result[1] = (-rz * u + v + rx * w + ry * omegaDotU) / this.determinant;
    result[2] = (ry * u - rx * v + w + rz * omegaDotU) / this.determinant;
    return result;
  }
}

/**
 * Reads the value of a PROJ `+towgs84=` parameter: 3 or 7 comma-separated numbers (tx, ty, tz in metres;
 * rx, ry, rz in arc-seconds, Position Vector; ds in ppm). Three values mean a pure translation.
 */
export function parseTowgs84(text: string): HelmertParameters {
  const values = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if ((values.length !== 3 && values.length !== 7) || !values.every(Number.isFinite)) {
    throw new CrsError('INVALID_TOWGS84', {
      vi: `Tham số towgs84 không hợp lệ: "${text}" (cần 3 hoặc 7 số, cách nhau bởi dấu phẩy).`,
      en: `Invalid towgs84 parameters "${text}" (expected 3 or 7 comma-separated numbers).`,
    });
  }
  const [tx = 0, ty = 0, tz = 0, rx = 0, ry = 0, rz = 0, ds = 0] = values;
  return { tx, ty, tz, rx, ry, rz, ds };
}
