/**
 * A scenario the engine cannot run, naming the field at fault (`rain.hyetograph[2]`, `boundaries.north`) so the
 * UI can point at it and translate the message (`message` is English).
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly field: string;

  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`${field}: ${problem}`, options);
    this.field = field;
  }
}
