/**
 * A planner checks the demo submission against the city's sample IDS in the review's IDS tab, in headless Chromium
 * against the built app: the statuses and failing GlobalIds shown are those `npm run ids -- --json` prints in Node;
 * a failing element is one click from being selected (the element card shows its GlobalId) and flown to; a
 * requirement's failing elements isolate and the reset shows the whole model; a malformed IDS says what is wrong
 * on which line while the previous result stays; an IDS for IFC4X3 on the IFC4 model is a version mismatch; the
 * last result is still there after a reload.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { IdsReport } from '../../src/bim/ids';
import { DEMO_IFC, ifc4x3Ids, notXmlIds, SAMPLE_IDS, schemaInvalidIds } from '../unit/bim/review/idsFixtures';
import { wcagViolations } from './axe';
import { test } from './fixtures';
import { screenshot } from './harness';
import { camera, openIdle, whenIdle } from './sao';
import { ROOT } from './server';

const LOAD = { timeout: 300_000, interval: 250 };
const WAIT = { timeout: 60_000 };
const OUT_DIR = join(ROOT, 'test-results', 'review-ids');

/** The CLI's report of the demo model against the sample IDS (exit 1: some specification fails). */
function cliReport(): IdsReport {
  const run = spawnSync('npm', ['run', '--silent', 'ids', '--', DEMO_IFC, SAMPLE_IDS, '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`npm run ids exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as IdsReport;
}

/** Per specification as the tab shows it: name, status, and the GlobalIds of every failing element listed. */
function shownSpecifications(page: Page) {
  return page.getByTestId('review-ids-spec').evaluateAll((items) =>
    items.map((item) => ({
      name: item.getAttribute('data-name'),
      status: item.getAttribute('data-status'),
      failing: [...item.querySelectorAll('[data-testid=review-ids-element]')].map((element) => element.getAttribute('data-global-id')),
    })),
  );
}

describe('IDS check in the review of a submission', () => {
  test('the sample IDS on the demo submission: the CLI’s verdicts, one click to an element, bad IDS files kept apart', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    const expected = cliReport().specifications.map((s) => ({
      name: s.name,
      status: s.status,
      failing: [...s.prohibitedElements, ...s.requirements.flatMap((r) => r.failures)].map((f) => f.globalId),
    }));
    expect(expected.some((s) => s.status === 'fail' && s.failing.length > 10), 'a requirement long enough to be capped').toBe(true);

    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-open-demo').press('Enter');
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    await page.getByTestId('review-tab-ids').press('Enter');
    await page.getByTestId('review-ids-sample').press('Enter');
    await expect.poll(() => page.getByTestId('review-ids-result').count(), LOAD).toBe(1);
    expect(await page.getByTestId('review-ids-progress').textContent()).toMatch(/đặc tả đạt/);

    // Capped lists open in full, then every specification reads as the CLI printed it.
    for (const more of await page.getByTestId('review-ids-show-all').all()) await more.press('Enter');
    expect(await shownSpecifications(page)).toEqual(expected);
    const passed = expected.filter((s) => s.status === 'pass').length;
    expect(await page.getByTestId('review-ids-summary').textContent()).toBe(`${passed}/${expected.length} đặc tả đạt`);
    await screenshot(page, 'review-ids-result');
    expect(await wcagViolations(page, '[data-testid=review-ids]'), 'the IDS tab with a result').toEqual([]);

    // One click: the element card shows the element, the camera flies in from the model's view to it.
    await whenIdle(page);
    const before = await camera(page);
    const element = page.getByTestId('review-ids-element').first();
    const globalId = await element.getAttribute('data-global-id');
    // The one mouse click; SwiftShader frames on a loaded machine can hold its actionability checks a while.
    await element.click({ timeout: LOAD.timeout });
    await expect.poll(() => page.getByTestId('bim-element-globalid').textContent(), WAIT).toBe(globalId);
    expect(await element.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await camera(page)).height, LOAD).toBeLessThan(before.height - 10);
    await whenIdle(page);
    await screenshot(page, 'review-ids-element');

    // A requirement's failing elements alone, then the whole model again.
    const failingWalls = expected.find((s) => s.failing.length > 10)!.failing.length;
    const isolate = page.getByTestId('review-ids-isolate').filter({ hasText: `(${failingWalls})` }).first();
    await isolate.press('Enter');
    await expect.poll(() => page.getByTestId('review-ids-isolated').textContent(), WAIT).toContain(String(failingWalls));
    expect(await isolate.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('review-ids-reset').press('Enter');
    await expect.poll(() => page.getByTestId('review-ids-reset').count(), WAIT).toBe(0);
    expect(await isolate.getAttribute('aria-pressed')).toBe('false');
    // The same button toggles: pressed again, the whole model shows.
    await isolate.press('Enter');
    await expect.poll(() => isolate.getAttribute('aria-pressed'), WAIT).toBe('true');
    await isolate.press('Enter');
    await expect.poll(() => page.getByTestId('review-ids-reset').count(), WAIT).toBe(0);

    // Malformed IDS files (not XML; XML that ids.xsd rejects): the message names the line; the result shown is
    // still the sample's.
    mkdirSync(OUT_DIR, { recursive: true });
    const broken = notXmlIds();
    const invalid = schemaInvalidIds();
    for (const [name, bad, code] of [['broken.ids', broken, 'NOT_XML'], ['invalid.ids', invalid, 'SCHEMA_INVALID']] as const) {
      writeFileSync(join(OUT_DIR, name), bad.xml);
      await page.getByTestId('review-ids-file').setInputFiles(join(OUT_DIR, name));
      await expect.poll(() => page.getByTestId('review-ids-error').getAttribute('data-code'), LOAD).toBe(code);
      const error = await page.getByTestId('review-ids-error').textContent();
      expect(error).toContain(name);
      expect(error).toContain(`dòng ${bad.line}`);
      expect(error).toContain('Kết quả kiểm tra trước vẫn được giữ');
      expect(await page.getByTestId('review-ids-result').getAttribute('data-ids-file')).toBe('handover.ids');
      expect((await shownSpecifications(page)).map((s) => s.status)).toEqual(expected.map((s) => s.status));
    }

    // An IDS for IFC4X3 on the IFC4 model: a version mismatch on every specification, none passes.
    writeFileSync(join(OUT_DIR, 'handover-ifc4x3.ids'), ifc4x3Ids());
    await page.getByTestId('review-ids-file').setInputFiles(join(OUT_DIR, 'handover-ifc4x3.ids'));
    await expect.poll(() => page.getByTestId('review-ids-result').getAttribute('data-ids-file'), LOAD).toBe('handover-ifc4x3.ids');
    const mismatch = await shownSpecifications(page);
    expect(mismatch.map((s) => s.status)).toEqual(expected.map(() => 'ifcVersionMismatch'));
    expect(await page.getByTestId('review-ids-spec-status').allTextContents()).toEqual(expected.map(() => 'Sai phiên bản IFC'));
    expect(await page.getByTestId('review-ids-summary').textContent()).toBe(`0/${expected.length} đặc tả đạt`);
    await screenshot(page, 'review-ids-mismatch');

    // The audit log has each check, the refused one included, with its figures.
    await page.getByTestId('review-tab-record').press('Enter');
    const audit = await page.locator('[data-testid=review-audit-entry][data-action=idsChecked]').allTextContents();
    expect(audit).toHaveLength(4);
    expect(audit[0]).toContain(`${passed}/${expected.length} đặc tả đạt`);
    expect(audit[1]).toMatch(new RegExp(`broken\\.ids.*dòng ${broken.line}`));
    expect(audit[2]).toMatch(new RegExp(`invalid\\.ids.*dòng ${invalid.line}`));
    expect(audit[3]).toContain(`0/${expected.length} đặc tả đạt`);

    // The record outlives the page: the same file opened again is the same submission, its last check shown.
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-open-demo').press('Enter');
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    await page.getByTestId('review-tab-ids').press('Enter');
    await expect.poll(() => page.getByTestId('review-ids-result').getAttribute('data-ids-file'), LOAD).toBe('handover-ifc4x3.ids');
    expect((await shownSpecifications(page)).map((s) => s.status)).toEqual(expected.map(() => 'ifcVersionMismatch'));

    // In English, from the same record.
    await page.getByTestId('lang-switch').press('Enter');
    await expect.poll(() => page.getByTestId('review-ids-summary').textContent(), WAIT).toBe(`0 of ${expected.length} specifications pass`);
    expect(await page.getByTestId('review-ids-spec-status').allTextContents()).toEqual(expected.map(() => 'Wrong IFC version'));
    expect(await page.getByTestId('review-ids-spec-messages').first().textContent()).toMatch(/^The model is IFC4; the specification applies to IFC4X3_ADD2 only/);
  });
});
