import type { LocalizedText } from '../../geo';

/**
 * A zoning plan that cannot be used, or a model that cannot be checked against it. `field` is the JSON path at
 * fault (`features[2].properties.maxHeightM`), `feature` the parcel it belongs to (its id, or its position when
 * the id itself is the problem), so the CLI and the UI can point at it; both are null for a problem that is not
 * in the file. `subject` says which input to blame: the plan, or the model (no geometry, no parcel under it).
 * `userMessage` says what is wrong in Vietnamese and English (`message` is the English one).
 */
export class PlanError extends Error {
  override readonly name = 'PlanError';
  readonly field: string | null;
  readonly feature: string | null;
  readonly subject: 'plan' | 'model';
  readonly userMessage: LocalizedText;

  constructor(field: string | null, problem: LocalizedText, feature: string | null = null, options: { cause?: unknown; subject?: 'plan' | 'model' } = {}) {
    const where: LocalizedText | null =
      field === null ? null : feature === null ? { vi: field, en: field } : { vi: `thửa ${feature}, ${field}`, en: `parcel ${feature}, ${field}` };
    super(where ? `${where.en}: ${problem.en}` : problem.en, { cause: options.cause });
    this.field = field;
    this.feature = feature;
    this.subject = options.subject ?? 'plan';
    this.userMessage = where ? { vi: `${where.vi}: ${problem.vi}`, en: `${where.en}: ${problem.en}` } : problem;
  }
}
