import { describe, expect, it } from 'vitest';
import { interpretMapScale } from '../../../src/bim/georef/mapScale';

describe('interpretMapScale: what Scale means for geometry already in metres', () => {
  it('IFC 4.3 as written: a millimetre model on a metre grid says 0.001, which is no scaling of metres', () => {
    expect(interpretMapScale(0.001, 0.001, 1).metresPerMetre).toBeCloseTo(1, 12);
  });

  it("buildingSMART's samples: Scale 1000 with millimetres is the unit change written the other way round", () => {
    const scale = interpretMapScale(1000, 0.001, 1);
    expect(scale.metresPerMetre).toBe(1);
    expect(scale.reason?.en).toMatch(/unit change/);
  });

  it('Scale absent or 1 with millimetres: the unit is left to the model', () => {
    expect(interpretMapScale(null, 0.001, 1).metresPerMetre).toBe(1);
    expect(interpretMapScale(1, 0.001, 1).reason?.en).toMatch(/unit change is taken from the model/);
  });

  it('a real grid scale factor is applied, in metres or folded into the unit change', () => {
    expect(interpretMapScale(0.9996, 1, 1).metresPerMetre).toBe(0.9996);
    expect(interpretMapScale(null, 1, 1).reason).toBeNull();
    expect(interpretMapScale(0.0009996, 0.001, 1).metresPerMetre).toBeCloseTo(0.9996, 12);
    // A model in feet on a metre grid stating 0.3048: the standard's reading.
    expect(interpretMapScale(0.3048, 0.3048, 1).metresPerMetre).toBeCloseTo(1, 12);
  });

  it('a scale no reading makes plausible is ignored, and says so', () => {
    const scale = interpretMapScale(57, 1, 1);
    expect(scale.metresPerMetre).toBe(1);
    expect(scale.reason?.en).toMatch(/ignored/);
    expect(scale.reason?.vi).toMatch(/bỏ qua/);
  });
});
