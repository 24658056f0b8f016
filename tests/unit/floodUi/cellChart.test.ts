import { describe, expect, it } from 'vitest';
import { chartGeometry, niceCeil } from '../../../src/sim/flood/ui/cellChart';

const BOX = { width: 200, height: 100, left: 20, right: 20, top: 10, bottom: 10 };

describe('cell chart geometry', () => {
  it('rounds axis tops to 1, 2, 5 × 10^k', () => {
    expect([0.03, 0.12, 0.3, 0.7, 1, 3.2].map(niceCeil)).toEqual([0.05, 0.2, 0.5, 1, 1, 5]);
  });

  it('maps time to x and each series to its own scale', () => {
    const g = chartGeometry({ t: [0, 600, 1200], depth: [0, 0.2, 0.1], speed: [0, 1, 0.5] }, BOX, 600);
    expect(g.depthMax).toBe(0.2);
    expect(g.speedMax).toBe(1);
    expect(g.depthPath).toBe('M20.0,90.0L100.0,10.0L180.0,50.0');
    expect(g.speedPath).toBe('M20.0,90.0L100.0,10.0L180.0,50.0');
    expect(g.cursorX).toBe(100);
    expect(g.timeTicks.map((tick) => tick.t)).toEqual([0, 300, 600, 900, 1200]);
  });

  it('draws NaN (outside the domain) on the axis', () => {
    expect(chartGeometry({ t: [0, 60], depth: [NaN, NaN], speed: [NaN, 0] }, BOX, null).depthPath).toBe('M20.0,90.0L180.0,90.0');
  });
});
