import { WGS84_ELLIPSOID } from './ellipsoid';
import { parseTowgs84 } from './Helmert';
import type { GeodeticDatum, HelmertParameters } from './types';

export const WGS84_DATUM: GeodeticDatum = { name: 'World Geodetic System 1984', ellipsoid: WGS84_ELLIPSOID };

/**
 * VN-2000 → WGS 84, EPSG:6960 "VN-2000 to WGS 84 (2)" (accuracy 1 m), in the Position Vector form PROJ writes
 * for `+towgs84` (PROJ 9.1, EPSG v10.076).
 *
 * The trap: Decision 05/2007/QĐ-BTNMT publishes ω0 = −0.00928836″, ψ0 = +0.01975479″, ε0 = −0.00427372″ in
 * the Coordinate Frame convention (EPSG method 9607). PROJ's `+towgs84` is Position Vector, so the rotation signs
 * flip. The string copied in much public code and old epsg.io WKT1 keeps the decree's signs here, and lands
 * about 0.75 m away from EPSG/PROJ (tests/unit/geo/vn2000SignTrap.test.ts reproduces the notes' table).
 *
 * EPSG also has EPSG:5194 "VN-2000 to WGS 84 (1)" (other parameters) for the Mekong delta oil blocks DBSCL 02 and
 * 03. Given EPSG codes, PROJ applies it inside that area's bounding box (104.24–107.11°E, 9.35–11.04°N, HCMC
 * included), 0.8 m from EPSG:6960. Sao applies EPSG:6960 everywhere, as every `+towgs84` string does.
 */
export const VN2000_TO_WGS84: HelmertParameters = parseTowgs84(
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278',
);

/** Vietnam's national datum (Decision 83/2000/QĐ-TTg, 12 July 2000): the WGS 84 ellipsoid, oriented locally. */
export const VN2000_DATUM: GeodeticDatum = {
  name: 'Vietnam 2000',
  ellipsoid: WGS84_ELLIPSOID,
  toWgs84: VN2000_TO_WGS84,
};
