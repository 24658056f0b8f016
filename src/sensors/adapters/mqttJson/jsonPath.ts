/**
 * The small JSONPath subset a mapping config uses to point into a payload: `$.level`, `$.data.readings[0].v`,
 * `seq` (the `$.` is optional). Compiled once per mapping, applied per message without allocation.
 */
export type JsonPath = readonly (string | number)[];

const STEP = /\.?([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/y;

/** The steps of a path, or null when it is not in the subset. */
export function compileJsonPath(path: string): JsonPath | null {
  const body = path.startsWith('$') ? path.slice(1) : path.length > 0 ? `.${path}` : path;
  const steps: (string | number)[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < body.length) {
    const start = STEP.lastIndex;
    const match = STEP.exec(body);
    if (!match || STEP.lastIndex === start) return null;
    steps.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? ''));
  }
  return steps.length > 0 ? steps : null;
}

export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let at = value;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}
