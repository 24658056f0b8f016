import type { LocalizedText } from '../geo';

/**
 * A sensor source that cannot be read (HTTP status, unreachable service, a response that is not SensorThings),
 * with a message the operator can act on. `message` is the English text.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly userMessage: LocalizedText;

  constructor(userMessage: LocalizedText, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.userMessage = userMessage;
  }
}
