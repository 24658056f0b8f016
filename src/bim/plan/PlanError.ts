import type { LocalizedText } from '../../geo';

/**
 * A zoning plan that cannot be used, or a model that cannot be checked against it. `field` is the JSON path at
 * fault (`features[2].properties.maxHeightM`), `feature` the parcel it belongs to (its id, or its position when
 * the id itself is the problem), so the CLI and the UI can point at it; `userMessage` says what is wrong in
 * Vietnamese and English (`message` is the English one).
 */
export class PlanError extends Error {
  override readonly name = 'PlanError';
  readonly field: string;
  readonly feature: string | null;
  readonly userMessage: LocalizedText;

  constructor(field: string, problem: LocalizedText, feature: string | null = null, options?: { cause?: unknown }) {
    const where: LocalizedText = feature === null ? { vi: field, en: field } : { vi: `thửa ${feature}, ${field}`, en: `parcel ${feature}, ${field}` };
    super(`${where.en}: ${problem.en}`, options);
    this.field = field;
    this.feature = feature;
    this.userMessage = { vi: `${where.vi}: ${problem.vi}`, en: `${where.en}: ${problem.en}` };
  }
}
