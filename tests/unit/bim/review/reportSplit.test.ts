/**
 * The report card lives in the BIM panel's chunk, which every planner loads; pdf-lib and fontkit (~1.3 MB built)
 * belong to the report worker alone. Walks the card's value imports (type-only imports vanish from the build) as
 * the bundler would, and checks that the PDF writer's libraries are reached from the worker and not from the card.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../demo/demoFiles';

const PDF_LIBRARIES = ['pdf-lib', '@pdf-lib/fontkit'];

/** Every module reached from `entry` through imports and re-exports that are not type-only. */
function valueImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gms)) {
      if (!specifier!.startsWith('.')) {
        seen.add(specifier!);
        continue;
      }
      const base = resolve(dirname(file), specifier!);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path));
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

describe('the report card and the PDF writer', () => {
  it('keeps pdf-lib and fontkit out of the card and in the report worker', () => {
    const card = valueImports(join(REPO_ROOT, 'src/bim/review/ui/report/ReportCard.tsx'));
    expect(card.has(join(REPO_ROOT, 'src/bim/review/report/renderReportHtml.ts'))).toBe(true);
    expect(PDF_LIBRARIES.filter((name) => card.has(name))).toEqual([]);
    const worker = valueImports(join(REPO_ROOT, 'workers/report/worker.ts'));
    expect(PDF_LIBRARIES.filter((name) => worker.has(name))).toEqual(PDF_LIBRARIES);
  });
});
