/**
 * Services usable by everyone (Decree 269/2025 Art. 31.1): every workspace, in both languages, passes axe-core's
 * WCAG 2.1 A/AA rules — contrast, names of controls, landmarks, language of the page — on the built app.
 */
import { describe, expect } from 'vitest';
import { wcagViolations } from './axe';
import { test } from './fixtures';
import { openIdle } from './sao';

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
