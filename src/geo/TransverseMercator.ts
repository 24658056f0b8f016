import { DEGREES_TO_RADIANS, wrapLongitude } from './angles';
import { complexSineSeries, sineSeries } from './clenshaw';
import { krugerSeries } from './krugerSeries';
import type { KrugerSeries } from './krugerSeries';
import type { Coordinate3, Ellipsoid, TransverseMercatorParameters } from './types';

/**
 * PROJ's bound on |η| (the easting over k0·A; tmerc.cpp calls it "150 degrees"): beyond it PROJ returns
 * HUGE_VAL, and this returns NaN.
 */
const ETA_LIMIT = 2.623395162778;

/**
 * The Transverse Mercator projection (EPSG method 9807) by the extended Poder/Engsager algorithm that PROJ uses
 * for `+proj=tmerc` and `+proj=utm` by default: geodetic latitude → conformal latitude, the Gauss–Schreiber
 * mapping of the conformal sphere to the complex plane ζ′ = ξ′ + iη′, then Krüger's series to ζ = ξ + iη
 * (Karney 2011 §4; see krugerSeries.ts). The inverse runs the same steps backwards, with no iteration.
 *
 * `forward` and `inverse` write x, y into `result` and leave `result[2]` alone, so a height passes through.
 */
export class TransverseMercator {
  private readonly lambda0: number;
  private readonly falseEasting: number;
  private readonly falseNorthing: number;
  /** k0·A: metres per unit of ξ and η. */
  private readonly scaledRadius: number;
  /** k0·A·ξ at the latitude of origin, subtracted so that the origin's northing is the false northing. */
  private readonly northingOfOrigin: number;
  private readonly series: KrugerSeries;
  private readonly scratch: [number, number] = [0, 0];

  constructor(ellipsoid: Ellipsoid, parameters: TransverseMercatorParameters) {
    this.series = krugerSeries(ellipsoid.n);
    this.lambda0 = parameters.centralMeridian * DEGREES_TO_RADIANS;
    this.falseEasting = parameters.falseEasting;
    this.falseNorthing = parameters.falseNorthing;
    this.scaledRadius = parameters.scaleFactor * ellipsoid.a * this.series.rectifyingRadiusRatio;
    // On the central meridian η′ = 0 and ξ′ is the conformal latitude χ0.
    const phi0 = parameters.latitudeOfOrigin * DEGREES_TO_RADIANS;
    const chi0 = phi0 + sineSeries(this.series.geodeticToConformal, phi0);
    this.northingOfOrigin = this.scaledRadius * (chi0 + sineSeries(this.series.alpha, chi0));
  }

  /** Geodetic λ, φ (radians) → easting, northing (metres). */
  forward(lambda: number, phi: number, result: Coordinate3): Coordinate3 {
    const l = wrapLongitude(lambda - this.lambda0);
    const chi = phi + sineSeries(this.series.geodeticToConformal, phi);
    const sinChi = Math.sin(chi);
    const cosChi = Math.cos(chi);
    const cosChiCosL = cosChi * Math.cos(l);
    // Gauss–Schreiber: the conformal sphere's transverse coordinates.
    const xiPrime = Math.atan2(sinChi, cosChiCosL);
    const etaPrime = Math.asinh((cosChi * Math.sin(l)) / Math.hypot(sinChi, cosChiCosL));
    complexSineSeries(this.series.alpha, xiPrime, etaPrime, this.scratch);
    const xi = xiPrime + this.scratch[0];
    const eta = etaPrime + this.scratch[1];
    if (Math.abs(eta) > ETA_LIMIT) {
      result[0] = Number.NaN;
      result[1] = Number.NaN;
      return result;
    }
    result[0] = this.falseEasting + this.scaledRadius * eta;
    result[1] = this.falseNorthing + this.scaledRadius * xi - this.northingOfOrigin;
    return result;
  }

  /** Easting, northing (metres) → geodetic λ, φ (radians), λ in [−π, π]. */
  inverse(easting: number, northing: number, result: Coordinate3): Coordinate3 {
    const xi = (northing - this.falseNorthing + this.northingOfOrigin) / this.scaledRadius;
    const eta = (easting - this.falseEasting) / this.scaledRadius;
    if (Math.abs(eta) > ETA_LIMIT) {
      result[0] = Number.NaN;
      result[1] = Number.NaN;
      return result;
    }
    complexSineSeries(this.series.beta, xi, eta, this.scratch);
    const xiPrime = xi - this.scratch[0];
    const etaPrime = eta - this.scratch[1];
    const sinhEtaPrime = Math.sinh(etaPrime);
    const cosXiPrime = Math.cos(xiPrime);
    const chi = Math.atan2(Math.sin(xiPrime), Math.hypot(sinhEtaPrime, cosXiPrime));
    result[0] = wrapLongitude(this.lambda0 + Math.atan2(sinhEtaPrime, cosXiPrime));
    result[1] = chi + sineSeries(this.series.conformalToGeodetic, chi);
    return result;
  }
}
