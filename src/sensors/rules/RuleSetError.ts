import type { LocalizedText } from '../../geo';

/**
 * A rule set that cannot be used, naming the JSON path at fault (`rules[2].condition.threshold`) so the editor can
 * point at it; `userMessage` says what is wrong in Vietnamese and English (`message` is the English one).
 */
export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
  readonly field: string;
  readonly userMessage: LocalizedText;

  constructor(field: string, problem: LocalizedText, options?: { cause?: unknown }) {
    super(`${field}: ${problem.en}`, options);
    this.field = field;
    this.userMessage = { vi: `${field}: ${problem.vi}`, en: `${field}: ${problem.en}` };
  }
}
