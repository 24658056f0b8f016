/**
 * Services usable by everyone (Decree 269/2025 Art. 31.1): every workspace, in both languages, passes axe-core's
 * WCAG 2.1 A/AA rules — contrast, names of controls, landmarks, language of the page — on the built app.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from './fixtures';
import { openIdle } from './sao';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe in the page (evaluated through the DevTools protocol, so the app's CSP need not allow it). */
async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  test.for([
    ['/tham-dinh-bim', 'vi'],
    ['/van-hanh', 'vi'],
    ['/trinh-chieu', 'en'],
  ] as const)('%s in %s has no WCAG 2.1 AA violation', { timeout: 300_000 }, async ([path, lang], { app, baseUrl }) => {
    await openIdle(app.page, `${baseUrl}${path}?lang=${lang}`);
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await wcagViolations(app.page)).toEqual([]);
  });
});
