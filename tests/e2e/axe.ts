/** axe-core's WCAG 2.1 A/AA rules run in a page (evaluated through the DevTools protocol, so the app's CSP need not allow it). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * One line per violation: rule, impact, help and the elements concerned; empty when the page passes. `within` (a CSS
 * selector) checks one part of the page only.
 */
export async function wcagViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ({ tags, within }) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(within ?? document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, { tags: WCAG_TAGS, within });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
