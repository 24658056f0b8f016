/**
 * Rain inputs: a hyetograph CSV (`seconds,mm/h` lines; a header line is skipped) and the alternating-block design
 * storm (Chow, Maidment & Mays 1988, §14.4) from an intensity–duration curve i = a / (D + b)^c.
 */
import { ScenarioError } from './ScenarioError';
import type { DesignStormSpec } from './types';

export function parseHyetographCsv(text: string, field: string): [number, number][] {
  const pairs: [number, number][] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const fields = line.trim().split(/[\s,;]+/).filter((f) => f.length > 0);
    if (fields.length === 0) return;
    const [t, value] = fields.map(Number);
    if (t === undefined || value === undefined || !Number.isFinite(t) || !Number.isFinite(value)) {
      if (n === 0) return;
      throw new ScenarioError(field, `line ${n + 1} is not "seconds,mm/h": ${line.trim()}`);
    }
    pairs.push([t, value]);
  });
  if (pairs.length === 0) throw new ScenarioError(field, 'the hyetograph is empty');
  return pairs;
}

/**
 * Alternating-block hyetograph: depths P(D) = i(D)·D for D = Δ, 2Δ, …, the block increments sorted, the largest in
 * the middle and the rest alternately right and left. Returns `[seconds, mm/h]` blocks ending with a 0.
 */
export function alternatingBlockStorm(spec: DesignStormSpec): [number, number][] {
  const { idf, durationMinutes, blockMinutes } = spec;
  const blocks = Math.round(durationMinutes / blockMinutes);
  const intensity = (minutes: number): number => idf.a / (minutes + idf.b) ** idf.c;
  const increments: number[] = [];
  let previous = 0;
  for (let k = 1; k <= blocks; k++) {
    const depth = (intensity(k * blockMinutes) * k * blockMinutes) / 60;
    increments.push(depth - previous);
    previous = depth;
  }
  increments.sort((p, q) => q - p);
  const order = new Array<number>(blocks).fill(0);
  const middle = Math.floor((blocks - 1) / 2);
  increments.forEach((depth, rank) => {
    const offset = Math.ceil(rank / 2) * (rank % 2 === 1 ? 1 : -1);
    order[middle + offset] = depth;
  });
  const hyetograph = order.map((depth, k): [number, number] => [k * blockMinutes * 60, (depth * 60) / blockMinutes]);
  hyetograph.push([blocks * blockMinutes * 60, 0]);
  return hyetograph;
}
