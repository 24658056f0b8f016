/**
 * An accepted submission becomes a building of the city (issue 6 §5), in headless Chromium against the built app:
 * the planner opens the demo submission and accepts it in the decision tab; a conversion whose worker cannot start
 * says so and is retried; the model is converted to 3D Tiles in a worker and added to the "Công trình hoàn công"
 * layer. With the IFC model still open (the city now draws its tiles instead), a click on the building selects the
 * IFC element under it: the feature info shows its GlobalId and IFC class, as the IFC file states
 * them (read here in Node), and the element is highlighted. After a reload the layer is restored from IndexedDB
 * and the building still picks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { findInstances } from '../../scripts/ifc/stepText';
import { convertPath, DEMO_SUBMISSION } from '../unit/tiles/tilesFiles';
import { test } from './fixtures';
import { CESIUM_CANVAS, screenshot, screenshotCanvas } from './harness';
import { describeLongTasks, longTasksBetween, now, observeLongTasks, waitForQuiet } from './longTasks';
import { openIdle, whenIdle } from './sao';
import { ROOT } from './server';

const LOAD = { timeout: 300_000, interval: 250 };
const WAIT = { timeout: 60_000 };
const AS_BUILT_TITLE = 'Công trình hoàn công';
/** A text of the IFC → 3D Tiles worker's bundle that no other worker has (ifcTilesWorkerHandler's failure). */
const TILES_WORKER_MARKER = 'Không chuyển được mô hình thành 3D Tiles';
/** The scene has finished its start-up work when no long task came for this long. */
const QUIET_MS = 3_000;

/** GlobalId and class of every IfcRoot instance with a GlobalId, by STEP id, read from the file's text. */
function stepIdentities(path: string): Map<number, { globalId: string; ifcClass: string }> {
  const text = readFileSync(path, 'latin1');
  const classes = new Set([...text.matchAll(/#\d+\s*=\s*(IFC\w+)\s*\(/g)].map((match) => match[1]!.toUpperCase()));
  return new Map(
    findInstances(text, [...classes])
      .filter((instance) => /^'[0-9A-Za-z_$]{22}'$/.test(instance.attributes[0] ?? ''))
      .map((instance) => [instance.id, { globalId: instance.attributes[0]!.slice(1, -1), ifcClass: instance.ifcClass }]),
  );
}

/** The feature info panel's definition list, label → value. */
function featureInfo(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('feature-info').evaluate((panel) =>
    Object.fromEntries([...panel.querySelectorAll('dt')].map((term) => [term.textContent?.trim() ?? '', term.nextElementSibling?.textContent?.trim() ?? ''])),
  );
}

/** The middle of the map, where "show in city" (and the link, after a reload) points the camera. */
async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator(CESIUM_CANVAS).boundingBox())!;
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

/** The canvas pixel at a page point (the screenshot is of the canvas alone). */
async function pixelAt(page: Page, name: string, point: { x: number; y: number }): Promise<[number, number, number]> {
  const box = (await page.locator(CESIUM_CANVAS).boundingBox())!;
  const { png } = await screenshotCanvas(page, name);
  const scale = png.width / box.width;
  const offset = 4 * (Math.round((point.y - box.y) * scale) * png.width + Math.round((point.x - box.x) * scale));
  return [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
}

async function expectPickedElement(page: Page, identities: ReturnType<typeof stepIdentities>): Promise<string> {
  await expect.poll(async () => (await featureInfo(page))['Lớp'], WAIT).toBe(AS_BUILT_TITLE);
  const info = await featureInfo(page);
  const expressId = Number(info['Số thực thể STEP']);
  const identity = identities.get(expressId);
  expect(identity, `STEP instance #${expressId} of the feature info`).toBeDefined();
  expect(info['GlobalId (IFC)']).toBe(identity!.globalId);
  expect(info['Lớp IFC']!.toUpperCase()).toBe(identity!.ifcClass);
  console.log(`[sao e2e] as-built pick: #${expressId} ${info['GlobalId (IFC)']} ${info['Lớp IFC']} (${info['Tầng']})`);
  return info['GlobalId (IFC)']!;
}

describe('as-built layer', () => {
  test('an accepted submission is added to the city: its building picks by GlobalId and stays after a reload', { timeout: 900_000 }, async ({ app, baseUrl }) => {
    const { page } = app;
    const identities = stepIdentities(join(ROOT, 'assets/demo/bim/AC20-FZK-Haus.vn2000.ifc'));
    const expected = (await convertPath(DEMO_SUBMISSION)).summary;

    await observeLongTasks(page);
    await openIdle(page, `${baseUrl}/tham-dinh-bim`);
    await page.getByTestId('bim-open-demo').click();
    const card = page.getByTestId('bim-model').filter({ hasText: 'AC20-FZK-Haus' });
    await expect.poll(() => card.getAttribute('data-status'), LOAD).toBe('ready');

    await page.getByTestId('review-tab-decision').click();
    await page.getByTestId('review-reviewer').fill('Nguyễn Thị Thẩm Định');
    await page.getByTestId('review-reviewer').press('Enter');
    await page.getByTestId('review-decision-accepted').check();
    await page.getByTestId('review-decision-reason-input').fill('Mô hình đạt yêu cầu IDS và quy hoạch: chấp thuận hoàn công.');

    // A conversion that cannot start (its worker's script is refused) says why and offers a retry; the decision stays.
    await app.provoke((url) => /\/assets\/worker-[\w-]+\.js$/.test(url), async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes(TILES_WORKER_MARKER)) await route.fulfill({ status: 503, body: 'unavailable' });
      else await route.fulfill({ response, body });
    });
    await page.getByTestId('review-decision-submit').click();
    const status = page.getByTestId('asbuilt-status');
    await expect.poll(() => status.getAttribute('data-state'), WAIT).toBe('failed');
    expect(await status.getByRole('alert').textContent()).toContain('Không khởi động được tiến trình chuyển đổi');
    expect(await page.getByTestId('review-decision-recorded').textContent()).toContain('Nguyễn Thị Thẩm Định');
    await page.unrouteAll();

    // The open model's own first frames (its shaders are linked then) are not the conversion's to answer for.
    await whenIdle(page);
    await waitForQuiet(page, QUIET_MS);
    const submittedAt = await now(page);
    await page.getByTestId('asbuilt-retry').click();
    await expect.poll(() => status.getAttribute('data-state'), LOAD).toBe('added');
    const figures = (await status.textContent()) ?? '';
    const addedAt = await now(page);
    // Reported, not asserted: the conversion runs in a worker, but the page also saves the review and loads the new layer.
    console.log(`[sao e2e] retried → in the as-built layer after ${Math.round(addedAt - submittedAt)} ms (polled): ${figures}`);
    const layerAt = await page.evaluate(() => performance.getEntriesByName('sao:as-built-layer').at(-1)?.startTime ?? null);
    console.log(`[sao e2e] long tasks meanwhile: ${describeLongTasks(await longTasksBetween(page, submittedAt, addedAt))}; layer put at +${Math.round((layerAt ?? NaN) - submittedAt)} ms`);
    expect(figures).toContain(`${expected.features} cấu kiện`);
    expect(figures).toContain(`${expected.tiles} tile`);
    await expect.poll(() => page.getByTestId('layer-as-built').textContent(), WAIT).toContain(AS_BUILT_TITLE);
    await screenshot(page, 'as-built-added');

    await page.getByTestId('asbuilt-show').click();
    // The IFC model stays open in the review, but once its tiles stand in the layer the city draws the tiles alone:
    // the click reaches them.
    expect(await card.getAttribute('data-status')).toBe('ready');
    await whenIdle(page);
    await expect.poll(() => page.getByTestId('layer-as-built').getAttribute('data-state'), LOAD).toBe('ready');

    const centre = await mapCentre(page);
    const before = await pixelAt(page, 'as-built-shown', centre);
    await page.mouse.click(centre.x, centre.y);
    const globalId = await expectPickedElement(page, identities);
    await screenshot(page, 'as-built-feature-info');
    await whenIdle(page);
    // The picked element is drawn in the selection colour (#f2a900, shaded by the light, through glass if it is a
    // window) instead of its own: red gains on blue.
    const after = await pixelAt(page, 'as-built-picked', centre);
    const warmth = ([r, , b]: [number, number, number]) => r - b;
    expect(warmth(after) - warmth(before), `pixel ${after} at the pick, ${before} before`).toBeGreaterThan(25);

    await page.reload({ waitUntil: 'load' });
    await whenIdle(page);
    await expect.poll(() => page.getByTestId('layer-as-built').getAttribute('data-state'), LOAD).toBe('ready');
    await whenIdle(page);
    const restored = await mapCentre(page);
    await page.mouse.click(restored.x, restored.y);
    expect(await expectPickedElement(page, identities)).toBe(globalId);
  });
});
