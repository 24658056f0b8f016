/**
 * Coefficients of the extended ("exact") Transverse Mercator, to 6th order in the third flattening n, as PROJ's
 * default `tmerc` (algo=poder_engsager, src/projections/tmerc.cpp) uses them:
 * - Krüger's series between the conformal sphere and the ellipsoid's TM plane, α and β (Krüger 1912; Karney
 *   2011, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85(8) 475–485, §4);
 * - the series between geodetic and conformal ("Gaussian") latitude (König & Weise 1951, pp. 186–191, to n⁶
 *   by Engsager & Poder, ICC 2007).
 * At n ≈ 1/595 (WGS 84) the first neglected terms are ~n⁷ ≈ 10⁻¹⁹: Karney bounds the error at 5 nm within
 * 3900 km of the central meridian.
 */
export interface KrugerSeries {
  /** Geodetic φ → conformal χ: χ = φ + Σ c[k] sin 2(k+1)φ. */
  geodeticToConformal: Float64Array;
  /** Conformal χ → geodetic φ: φ = χ + Σ c[k] sin 2(k+1)χ. */
  conformalToGeodetic: Float64Array;
  /** Sphere → plane: ζ = ζ′ + Σ α[k] sin 2(k+1)ζ′, with ζ = ξ + iη. */
  alpha: Float64Array;
  /** Plane → sphere: ζ′ = ζ − Σ β[k] sin 2(k+1)ζ. */
  beta: Float64Array;
  /** Rectifying radius over a: A/a = (1 + n²/4 + n⁴/64 + n⁶/256) / (1 + n). */
  rectifyingRadiusRatio: number;
}

export function krugerSeries(n: number): KrugerSeries {
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const n5 = n4 * n;
  const n6 = n5 * n;
  return {
    geodeticToConformal: Float64Array.of(
      n * (-2 + n * (2 / 3 + n * (4 / 3 + n * (-82 / 45 + n * (32 / 45 + n * (4642 / 4725)))))),
      n2 * (5 / 3 + n * (-16 / 15 + n * (-13 / 9 + n * (904 / 315 + n * (-1522 / 945))))),
      n3 * (-26 / 15 + n * (34 / 21 + n * (8 / 5 + n * (-12686 / 2835)))),
      n4 * (1237 / 630 + n * (-12 / 5 + n * (-24832 / 14175))),
      n5 * (-734 / 315 + n * (109598 / 31185)),
      n6 * (444337 / 155925),
    ),
    conformalToGeodetic: Float64Array.of(
      n * (2 + n * (-2 / 3 + n * (-2 + n * (116 / 45 + n * (26 / 45 + n * (-2854 / 675)))))),
      n2 * (7 / 3 + n * (-8 / 5 + n * (-227 / 45 + n * (2704 / 315 + n * (2323 / 945))))),
      n3 * (56 / 15 + n * (-136 / 35 + n * (-1262 / 105 + n * (73814 / 2835)))),
      n4 * (4279 / 630 + n * (-332 / 35 + n * (-399572 / 14175))),
      n5 * (4174 / 315 + n * (-144838 / 6237)),
      n6 * (601676 / 22275),
    ),
    alpha: Float64Array.of(
      n * (1 / 2 + n * (-2 / 3 + n * (5 / 16 + n * (41 / 180 + n * (-127 / 288 + n * (7891 / 37800)))))),
      n2 * (13 / 48 + n * (-3 / 5 + n * (557 / 1440 + n * (281 / 630 + n * (-1983433 / 1935360))))),
      n3 * (61 / 240 + n * (-103 / 140 + n * (15061 / 26880 + n * (167603 / 181440)))),
      n4 * (49561 / 161280 + n * (-179 / 168 + n * (6601661 / 7257600))),
      n5 * (34729 / 80640 + n * (-3418889 / 1995840)),
      n6 * (212378941 / 319334400),
    ),
    beta: Float64Array.of(
      n * (1 / 2 + n * (-2 / 3 + n * (37 / 96 + n * (-1 / 360 + n * (-81 / 512 + n * (96199 / 604800)))))),
      n2 * (1 / 48 + n * (1 / 15 + n * (-437 / 1440 + n * (46 / 105 + n * (-1118711 / 3870720))))),
      n3 * (17 / 480 + n * (-37 / 840 + n * (-209 / 4480 + n * (5569 / 90720)))),
      n4 * (4397 / 161280 + n * (-11 / 504 + n * (-830251 / 7257600))),
      n5 * (4583 / 161280 + n * (-108847 / 3991680)),
      n6 * (20648693 / 638668800),
    ),
    rectifyingRadiusRatio: (1 + n2 * (1 / 4 + n2 * (1 / 64 + n2 / 256))) / (1 + n),
  };
}
