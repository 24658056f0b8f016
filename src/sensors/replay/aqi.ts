/**
 * US EPA PM2.5 AQI ↔ concentration (40 CFR Part 58 App. G, the 2012 breakpoints in force when the Hà Nội series
 * was recorded): AQI = (I_hi − I_lo)/(C_hi − C_lo)·(C − C_lo) + I_lo per band. AirNow's hourly file gives the AQI;
 * Sao shows the concentration too, by inverting the same bands (good to the 0.1 µg/m³ the bands are written in).
 */
const BANDS: readonly [aqiLow: number, aqiHigh: number, concLow: number, concHigh: number][] = [
  [0, 50, 0.0, 12.0],
  [51, 100, 12.1, 35.4],
  [101, 150, 35.5, 55.4],
  [151, 200, 55.5, 150.4],
  [201, 300, 150.5, 250.4],
  [301, 400, 250.5, 350.4],
  [401, 500, 350.5, 500.4],
];

/** µg/m³ of PM2.5 for an AQI (0–500; above 500 extends the last band). */
export function pm25OfAqi(aqi: number): number {
  const band = BANDS.find(([, high]) => aqi <= high) ?? BANDS[BANDS.length - 1]!;
  const [iLow, iHigh, cLow, cHigh] = band;
  const concentration = cLow + ((Math.max(aqi, iLow) - iLow) * (cHigh - cLow)) / (iHigh - iLow);
  return Math.round(concentration * 10) / 10;
}
