/**
 * Flood hazard to people, DEFRA/Environment Agency FD2320 (Ramsbottom et al. 2006, Supplementary Note 2008):
 * HR = d·(v + 0.5) + DF, with the debris factor of urban areas: 0.5 up to 0.25 m deep, 1 deeper or faster
 * than 2 m/s.
 */

export type HazardClass = 'low' | 'moderate' | 'significant' | 'extreme';

export function debrisFactor(depth: number, speed: number): number {
  return depth > 0.25 || speed > 2 ? 1 : 0.5;
}

/** HR for a wet cell; 0 when dry (below `wetDepth`). */
export function hazardRating(depth: number, speed: number, wetDepth: number): number {
  return depth < wetDepth ? 0 : depth * (speed + 0.5) + debrisFactor(depth, speed);
}

/** FD2320 classes: < 0.75 caution, 0.75–1.25 danger for some, 1.25–2.0 danger for most, > 2.0 danger for all. */
export function hazardClass(rating: number): HazardClass {
  if (rating < 0.75) return 'low';
  if (rating < 1.25) return 'moderate';
  if (rating <= 2) return 'significant';
  return 'extreme';
}
