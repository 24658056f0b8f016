/**
 * The one error type of the demo builder: a user-facing message in Vietnamese and English (STYLE.md: errors are
 * values with a message in both languages and a cause). `message` is the English text so stack traces stay readable.
 */
export class DemoBuildError extends Error {
  override readonly name = 'DemoBuildError';
  readonly messageVi: string;

  constructor(message: { en: string; vi: string }, options?: { cause?: unknown }) {
    super(message.en, options);
    this.messageVi = message.vi;
  }
}
