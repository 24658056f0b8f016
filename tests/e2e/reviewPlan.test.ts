/**
 * A planner checks the demo submission against the sample zoning plan in the review's plan tab, in headless
 * Chromium against the built app: every measured value, limit and status shown is what `npm run plan -- --json`
 * prints in Node; the scene draws the height-limit plane and the setback band in the colours of a pass (and, for
 * a tightened plan, of a fail) where the plan's parcel is; a malformed plan file says which parcel and field are
 * wrong while the result shown stays; after a reload, the reopened submission shows its stored check.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import type { PlanReport, Wgs84Position } from '../../src/bim/plan';
import { wcagViolations } from './axe';
import { test } from './fixtures';
import { screenshot, screenshotCanvas } from './harness';
import { openIdle, toWindow, whenIdle } from './sao';
import { ROOT } from './server';

const DEMO_IFC = join(ROOT, 'assets/demo/bim/AC20-FZK-Haus.vn2000.ifc');
/** Neither a map conversion nor IfcSite RefLatitude/RefLongitude: it stands nowhere until placed by hand. */
const OPEN_HOUSE = join(resolve(process.env.SAO_SHARED_DATA ?? join(ROOT, '../shared/data')), 'ifc/web-ifc/IfcOpenHouse_IFC4.ifc');
const SAMPLE_PLAN = join(ROOT, 'assets/demo/plan/sample-plan.geojson');
const OUT_DIR = join(ROOT, 'test-results', 'review-plan');
const LOAD = { timeout: 300_000, interval: 250 };
const WAIT = { timeout: 60_000 };
/** How far (0–255) a drawn visual shifts one colour channel against the others where it covers the ground. */
const HUE_SHIFT = 20;

/** The CLI's report of the demo model against a plan file (exit 1: a check fails). */
function cliReport(planFile: string): PlanReport {
  const run = spawnSync('npm', ['run', '--silent', 'plan', '--', DEMO_IFC, planFile, '--json'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`npm run plan exited ${run.status}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { report: PlanReport }).report;
}

/** A number as the interface writes it in Vietnamese (1.234,56). */
const shownNumber = (text: string): number => Number(text.replace(/[^\d,.-]/g, '').replace(/\./g, '').replace(',', '.'));

/** Every check row as the tab shows it. */
function shownChecks(page: Page) {
  return page.getByTestId('review-plan-check').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-check'),
      status: row.getAttribute('data-status'),
      statusText: row.querySelector('[data-testid=review-plan-status]')?.textContent ?? '',
      measured: row.querySelector('[data-testid=review-plan-measured]')?.textContent ?? '',
      limit: row.querySelector('[data-testid=review-plan-limit]')?.textContent ?? '',
      detail: row.nextElementSibling?.querySelector('[data-testid=review-plan-detail]')?.textContent ?? '',
    })),
  );
}

const STATUS_VI = { pass: 'đạt', fail: 'không đạt', notApplicable: 'không áp dụng' } as const;

/** The tab's table agrees with the CLI to the digits it shows: metres to the cm, ratios to 0.001, coverage to 0.01 %. */
async function expectShownAsCli(page: Page, expected: PlanReport): Promise<void> {
  const shown = await shownChecks(page);
  expect(shown.map((row) => [row.id, row.status, row.statusText])).toEqual(expected.checks.map((c) => [c.id, c.status, STATUS_VI[c.status]]));
  for (const [i, check] of expected.checks.entries()) {
    const row = shown[i]!;
    expect(row.detail.endsWith(check.detail.vi), `${check.id} detail "${row.detail}"`).toBe(true);
    const scale = check.id === 'siteCoverage' ? 100 : 1;
    const half = check.unit === 'storeys' ? 0 : check.unit === 'm' || check.id === 'siteCoverage' ? 0.005 : 0.0005;
    expect(Math.abs(shownNumber(row.measured) - check.measured * scale), `${check.id} measured "${row.measured}" vs ${check.measured}`).toBeLessThanOrEqual(half + 1e-9);
    if (check.limit === null) expect(row.limit).toBe('không quy định');
    else {
      expect(row.limit.startsWith(check.comparison), `${check.id} limit "${row.limit}"`).toBe(true);
      expect(Math.abs(shownNumber(row.limit) - check.limit * scale)).toBeLessThanOrEqual(half + 1e-9);
    }
  }
  expect(await page.getByTestId('review-plan-parcel').getAttribute('data-parcel-id')).toBe(expected.parcel.id);
  expect(await page.getByTestId('review-plan-result').getAttribute('data-passed')).toBe(String(expected.passed));
  expect(await page.getByTestId('review-plan-sample').count()).toBe(expected.plan.sample ? 1 : 0);
}

/** Metres east and north of a WGS 84 position, as degrees (a small offset: the local sphere is plenty). */
function offset([lon, lat, h]: Wgs84Position, east: number, north: number): Wgs84Position {
  const metresPerDegree = 111_320;
  return [lon + east / (metresPerDegree * Math.cos((lat * Math.PI) / 180)), lat + north / metresPerDegree, h];
}

/**
 * Two ground points of the parcel: one in the setback band (half the setback inside the middle of its longest
 * edge) and one well inside (under the height-limit plane only), both beside the setback line and its label.
 */
function probePoints(report: PlanReport): { band: Wgs84Position; inner: Wgs84Position } {
  const ring = report.visuals.parcel[0]!;
  const metres = (a: Wgs84Position, b: Wgs84Position) => {
    const k = 111_320;
    return [(b[0] - a[0]) * k * Math.cos((a[1] * Math.PI) / 180), (b[1] - a[1]) * k];
  };
  let longest = { a: ring[0]!, b: ring[1]!, length: 0 };
  for (let i = 1; i < ring.length; i++) {
    const [dx, dy] = metres(ring[i - 1]!, ring[i]!);
    const length = Math.hypot(dx!, dy!);
    if (length > longest.length) longest = { a: ring[i - 1]!, b: ring[i]!, length };
  }
  const [dx, dy] = metres(longest.a, longest.b);
  // Shoelace sign: inside is to the left of a counter-clockwise ring, to the right of a clockwise one.
  const local = ring.map((p) => metres(ring[0]!, p));
  const twiceArea = local.reduce((sum, [x, y], i) => sum + x! * local[(i + 1) % local.length]![1]! - local[(i + 1) % local.length]![0]! * y!, 0);
  const side = Math.sign(twiceArea);
  const [nx, ny] = [(-dy! / longest.length) * side, (dx! / longest.length) * side];
  const middle: Wgs84Position = [(longest.a[0] + longest.b[0]) / 2, (longest.a[1] + longest.b[1]) / 2, longest.a[2]];
  const setback = report.parcel.limits.minSetbackM ?? 0;
  return { band: offset(middle, (nx * setback) / 2, (ny * setback) / 2), inner: offset(middle, nx * (setback + 25), ny * (setback + 25)) };
}

/** Pixels each side of a probe: the window is wider than a label's stroke, so text drawn over the ground cannot decide. */
const PROBE_RADIUS = 5;

/**
 * Colour change (shown − hidden) around a ground point: per channel, the median over an 11 × 11 pixel window. A
 * label or line drawn across the point (where it lands depends on where the zoom stopped) covers a minority of it.
 */
async function colourChange(page: Page, shown: PNG, hidden: PNG, point: Wgs84Position): Promise<[number, number, number]> {
  const onPage = await toWindow(page, point[0], point[1], point[2]);
  const box = await page.locator('.cesium-widget canvas').boundingBox();
  expect(onPage, `ground point ${point} on screen`).not.toBeNull();
  const [x0, y0] = [Math.round(onPage![0] - box!.x), Math.round(onPage![1] - box!.y)];
  const channels: number[][] = [[], [], []];
  for (let y = y0 - PROBE_RADIUS; y <= y0 + PROBE_RADIUS; y++) {
    for (let x = x0 - PROBE_RADIUS; x <= x0 + PROBE_RADIUS; x++) {
      if (x < 0 || y < 0 || x >= shown.width || y >= shown.height) continue;
      const o = 4 * (y * shown.width + x);
      for (let c = 0; c < 3; c++) channels[c]!.push(shown.data[o + c]! - hidden.data[o + c]!);
    }
  }
  expect(channels[0]!.length, `ground point ${point} inside the canvas`).toBeGreaterThan(0);
  return channels.map((values) => values.sort((a, b) => a - b)[values.length >> 1]!) as [number, number, number];
}

/**
 * Captures the canvas with the plan's visuals shown, then hidden with the tab's toggle (left shown again). Keys,
 * not clicks, throughout: SwiftShader on a loaded machine draws a frame in seconds, and a click waits for two
 * frames in which the target stands still.
 */
async function withAndWithout(page: Page, name: string): Promise<{ shown: PNG; hidden: PNG }> {
  const toggle = page.getByTestId('review-plan-overlay');
  expect(await toggle.isChecked()).toBe(true);
  await whenIdle(page);
  const shown = await screenshotCanvas(page, `${name}-shown`);
  await toggle.press('Space');
  await expect.poll(() => toggle.isChecked(), WAIT).toBe(false);
  await whenIdle(page);
  const hidden = await screenshotCanvas(page, `${name}-hidden`);
  await toggle.press('Space');
  await expect.poll(() => toggle.isChecked(), WAIT).toBe(true);
  await whenIdle(page);
  return { shown: shown.png, hidden: hidden.png };
}

/** Zooms out with the mouse wheel until every vertex of the parcel is on the canvas. */
async function frameParcel(page: Page, report: PlanReport): Promise<void> {
  const box = (await page.locator('.cesium-widget canvas').boundingBox())!;
  const box2 = { x0: box.x + 10, y0: box.y + 10, x1: box.x + box.width - 10, y1: box.y + box.height - 10 };
  for (let step = 0; step < 12; step++) {
    await whenIdle(page);
    const corners = await Promise.all(report.visuals.parcel[0]!.map(([lon, lat, h]) => toWindow(page, lon, lat, h)));
    if (corners.every((c) => c && c[0] > box2.x0 && c[0] < box2.x1 && c[1] > box2.y0 && c[1] < box2.y1)) return;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
  }
  throw new Error('the parcel does not fit the canvas after zooming out');
}

/** Runs the check and waits for a new result; prints how long it took (the worker's, as the planner waits for it). */
async function runCheck(page: Page): Promise<void> {
  const before = await page.getByTestId('review-plan-result').getAttribute('data-checked-at').catch(() => null);
  const started = Date.now();
  await page.getByTestId('review-plan-run').press('Enter');
  await expect.poll(() => page.getByTestId('review-plan-result').getAttribute('data-checked-at').catch(() => null), LOAD).not.toBe(before);
  console.log(`[sao e2e] plan check: result shown ${Date.now() - started} ms after the key press`);
}

describe('plan conformance in the review of a submission', () => {
  test('the sample plan on the demo submission: the CLI’s figures, the visuals in the scene, a bad plan kept apart, the record after a reload', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    const sample = cliReport(SAMPLE_PLAN);
    mkdirSync(OUT_DIR, { recursive: true });
    // The sample plan with the demo parcel's height and setback limits tightened below what the house measures.
    const plan = JSON.parse(readFileSync(SAMPLE_PLAN, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const demoParcel = plan.features.find((f) => f.properties.id === sample.parcel.id)!.properties;
    const height = sample.checks.find((c) => c.id === 'height')!.measured;
    const setback = sample.checks.find((c) => c.id === 'setback')!.measured;
    Object.assign(demoParcel, { maxHeightM: Math.floor(height) - 1, minSetbackM: Math.ceil(setback) + 5 });
    writeFileSync(join(OUT_DIR, 'tightened-plan.geojson'), JSON.stringify(plan));
    const tightened = cliReport(join(OUT_DIR, 'tightened-plan.geojson'));
    expect(tightened.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['height', 'setback']);

    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-open-demo').press('Enter');
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    await page.getByTestId('review-tab-plan').press('Enter');
    await page.getByTestId('review-plan-sample-plan').press('Enter');
    await expect.poll(() => page.getByTestId('review-plan-loaded').count(), WAIT).toBe(1);
    await runCheck(page);
    await expectShownAsCli(page, sample);
    expect(await page.getByTestId('review').getAttribute('data-status')).toBe('checking');
    await screenshot(page, 'review-plan-result');

    // The visuals, in the colours of a pass: the band shifts the ground towards green, the plane towards blue
    // (over a light basemap every channel may drop; what counts is which drops least).
    await frameParcel(page, sample);
    const pass = await withAndWithout(page, 'review-plan-pass');
    const probes = probePoints(sample);
    const band = await colourChange(page, pass.shown, pass.hidden, probes.band);
    const inner = await colourChange(page, pass.shown, pass.hidden, probes.inner);
    console.log(`[sao e2e] pass: band ΔRGB ${band.map(Math.round)}, inner ΔRGB ${inner.map(Math.round)}`);
    expect(band[1] - band[0], 'the setback band tints the ground green').toBeGreaterThan(HUE_SHIFT);
    expect(inner[2] - inner[0], 'the height-limit plane tints the parcel blue').toBeGreaterThan(HUE_SHIFT);

    // A malformed plan: the field at fault is named, the sample's result stays.
    const misspelt = readFileSync(SAMPLE_PLAN, 'utf8').replace('"maxHeightM":25', '"maxHeight":25');
    writeFileSync(join(OUT_DIR, 'misspelt-plan.geojson'), misspelt);
    await page.getByTestId('review-plan-file-input').setInputFiles(join(OUT_DIR, 'misspelt-plan.geojson'));
    await expect.poll(() => page.getByTestId('review-plan-error').count(), WAIT).toBe(1);
    const error = await page.getByTestId('review-plan-error').textContent();
    expect(error).toContain('misspelt-plan.geojson');
    expect(error).toContain('features[0].properties.maxHeight');
    await expectShownAsCli(page, sample);

    // A plan the house breaks: height and setback fail, drawn red.
    await page.getByTestId('review-plan-file-input').setInputFiles(join(OUT_DIR, 'tightened-plan.geojson'));
    await expect.poll(() => page.getByTestId('review-plan-error').count(), WAIT).toBe(0);
    await runCheck(page);
    await expectShownAsCli(page, tightened);
    const fail = await withAndWithout(page, 'review-plan-fail');
    // The same ground points: both now in the (wider) band, the inner one under the lower plane too.
    const failBand = await colourChange(page, fail.shown, fail.hidden, probes.band);
    const failInner = await colourChange(page, fail.shown, fail.hidden, probes.inner);
    console.log(`[sao e2e] fail: band ΔRGB ${failBand.map(Math.round)}, inner ΔRGB ${failInner.map(Math.round)}`);
    expect(failBand[0] - Math.max(failBand[1], failBand[2]), 'a failing setback band is red').toBeGreaterThan(HUE_SHIFT);
    expect(failInner[0] - Math.max(failInner[1], failInner[2]), 'a failing height-limit plane is red').toBeGreaterThan(HUE_SHIFT);
    await screenshot(page, 'review-plan-fail-page');
    expect(await wcagViolations(page, '[data-testid=review-plan]'), 'the plan tab with a failing result').toEqual([]);

    // After a reload the saved submission reopens with its stored check.
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await expect.poll(() => page.getByTestId('review-saved-reopen').count(), WAIT).toBeGreaterThan(0);
    await page.getByTestId('review-saved-reopen').first().press('Enter');
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    await page.getByTestId('review-tab-plan').press('Enter');
    await expectShownAsCli(page, tightened);
  });

  test('a model without georeferencing is placed first; off every parcel it says so; on a parcel named by hand it is checked', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-file-input').setInputFiles(OPEN_HOUSE);
    await expect.poll(() => page.getByTestId('bim-model-status').getAttribute('data-status'), LOAD).toBe('ready');
    await page.getByTestId('review-tab-plan').press('Enter');
    await page.getByTestId('review-plan-sample-plan').press('Enter');
    await expect.poll(() => page.getByTestId('review-plan-loaded').count(), WAIT).toBe(1);
    expect(await page.getByTestId('review-plan-needs-placement').textContent()).toContain('đặt mô hình');
    expect(await page.getByTestId('review-plan-run').isDisabled()).toBe(true);

    // Placed by hand 1.3 km north of the sample plan's parcels: the check says the model stands on none.
    await page.getByTestId('bim-manual-start').press('Enter');
    await page.getByTestId('bim-manual-lat').fill('21.05');
    await page.getByTestId('bim-manual-lon').fill('105.7868');
    await page.getByTestId('bim-manual-done').press('Enter');
    await expect.poll(() => page.getByTestId('review-plan-needs-placement').count(), WAIT).toBe(0);
    await page.getByTestId('review-plan-run').press('Enter');
    await expect.poll(() => page.getByTestId('review-plan-error').count(), LOAD).toBe(1);
    expect(await page.getByTestId('review-plan-error').textContent()).toContain('không nằm trên thửa nào');
    expect(await page.getByTestId('review-plan-result').count()).toBe(0);

    // Named by hand, the parcel it is not on: checked, and it fails containment.
    await page.getByTestId('review-plan-parcel-select').selectOption('XT-ODT-01');
    await runCheck(page);
    expect(await page.getByTestId('review-plan-parcel').getAttribute('data-parcel-id')).toBe('XT-ODT-01');
    const containment = (await shownChecks(page)).find((check) => check.id === 'containment');
    expect(containment?.status).toBe('fail');
    expect(await page.getByTestId('review-plan-result').getAttribute('data-passed')).toBe('false');
    expect(await page.getByTestId('review-plan-error').count()).toBe(0);
  });
});
